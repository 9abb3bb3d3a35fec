package dev.zimclient.client.error;

/** The app is not set up for the call: wrong host, unknown AppId or service not enabled. */
public final class ZimConfigurationException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimConfigurationException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
