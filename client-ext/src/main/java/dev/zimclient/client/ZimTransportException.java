package dev.zimclient.client;

/** The request or its response was lost on the way: connection refused or reset, timeout. */
public final class ZimTransportException extends ZimException {
  private static final long serialVersionUID = 1L;

  ZimTransportException(String action, String message, Throwable cause) {
    this(action, message, true, cause);
  }

  ZimTransportException(String action, String message, boolean retryable, Throwable cause) {
    super(action, action + ": " + message, retryable, cause);
  }
}
