package dev.zimclient.client.error;

/** The server rejected a parameter of the call. */
public final class ZimInvalidArgumentException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimInvalidArgumentException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
