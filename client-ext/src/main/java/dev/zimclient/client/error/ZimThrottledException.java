package dev.zimclient.client.error;

/** The server rejected the call for exceeding a rate limit. */
public final class ZimThrottledException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimThrottledException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
