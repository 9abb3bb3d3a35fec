package dev.zimclient.client;

/** AppId, signature, timestamp or signature version was rejected. */
public final class ZimAuthenticationException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  ZimAuthenticationException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
