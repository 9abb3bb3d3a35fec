package dev.zimclient.client.error;

/** The server failed or was busy; such codes are retried before this is thrown. */
public final class ZimServerErrorException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimServerErrorException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
