package dev.zimclient.client.error;

/** AppId, signature, timestamp or signature version was rejected. */
public final class ZimAuthenticationException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimAuthenticationException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
