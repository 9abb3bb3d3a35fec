package dev.zimclient.client.error;

/** The request or its response was lost on the way: connection refused or reset, timeout. */
public final class ZimTransportException extends ZimException {
  private static final long serialVersionUID = 1L;

  public ZimTransportException(String action, String message, boolean retryable, Throwable cause) {
    super(action, action + ": " + message, retryable, cause);
  }
}
