package dev.zimclient.client.error;

/**
 * Base of every failure the client reports for a call that was attempted. Unchecked, because
 * generated interface methods declare no checked exceptions.
 */
public abstract class ZimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final boolean retryable;

  protected ZimException(String action, String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.action = action;
    this.retryable = retryable;
  }

  /** The ZIM action of the call, as sent in the {@code Action} query parameter. */
  public String action() {
    return action;
  }

  /** Whether another attempt of the same call could succeed. */
  public boolean isRetryable() {
    return retryable;
  }
}
