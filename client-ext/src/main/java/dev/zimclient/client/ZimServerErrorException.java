package dev.zimclient.client;

/** The server failed or was busy; such codes are retried before this is thrown. */
public final class ZimServerErrorException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  ZimServerErrorException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
