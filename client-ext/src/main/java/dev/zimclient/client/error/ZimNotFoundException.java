package dev.zimclient.client.error;

/** The named room, user or other resource does not exist. */
public final class ZimNotFoundException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimNotFoundException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
