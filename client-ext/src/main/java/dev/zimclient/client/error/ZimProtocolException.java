package dev.zimclient.client.error;

/**
 * A response arrived but is not a ZIM envelope: empty, not JSON, truncated, of the wrong shape,
 * too large, or an HTTP error page. Carries the HTTP status.
 */
public final class ZimProtocolException extends ZimException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the response. */
  public enum Kind {
    /** The body was empty. */
    EMPTY_BODY,
    /** The body was not JSON. */
    NOT_JSON,
    /** The JSON ended early. */
    TRUNCATED,
    /** The JSON did not have the envelope's shape, e.g. no numeric {@code Code}. */
    WRONG_SHAPE,
    /** The body exceeded the client's size cap and was not read further. */
    TOO_LARGE,
    /** A non-2xx status without a ZIM envelope, e.g. a proxy's HTML error page. */
    HTTP_ERROR
  }

  private final Kind kind;
  private final int httpStatus;

  public ZimProtocolException(String action, Kind kind, int httpStatus, String detail, boolean retryable, Throwable cause) {
    super(action, action + ": unusable response (" + kind + ", HTTP " + httpStatus + "): " + detail, retryable, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
  }

  /** What was wrong with the response. */
  public Kind kind() {
    return kind;
  }

  /** The response's HTTP status. */
  public int httpStatus() {
    return httpStatus;
  }
}
