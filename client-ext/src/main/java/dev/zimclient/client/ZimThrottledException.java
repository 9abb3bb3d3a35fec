package dev.zimclient.client;

/** The server rejected the call for exceeding a rate limit. */
public final class ZimThrottledException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  ZimThrottledException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
