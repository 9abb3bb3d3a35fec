package dev.zimclient.client.error;

import dev.zimclient.client.signing.Redaction;
import dev.zimclient.generated.ZimReturnCode;
import java.util.Optional;

/**
 * The server answered with a non-zero {@code Code}. Subclasses name the kind of failure; a code
 * the spec's catalogue does not list yields this type itself.
 */
public class ZimApiException extends ZimException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String serverMessage;
  private final String requestId;
  private final int httpStatus;
  private final transient ZimReturnCode returnCode;

  public ZimApiException(ZimApiError error, boolean retryable) {
    super(error.action(), describe(error), retryable, null);
    this.code = error.code();
    this.serverMessage = error.serverMessage();
    this.requestId = error.requestId();
    this.httpStatus = error.httpStatus();
    this.returnCode = ZimReturnCode.of(error.code()).orElse(null);
  }

  private static String describe(ZimApiError error) {
    String meaning = ZimReturnCode.of(error.code()).map(ZimReturnCode::meaning).orElse("unknown code");
    return error.action() + " failed with code " + error.code() + " (" + meaning + ")"
        + (error.serverMessage() == null || error.serverMessage().isEmpty() ? "" : ": " + Redaction.text(error.serverMessage()))
        + (error.requestId() == null ? "" : " [RequestId " + error.requestId() + "]");
  }

  /** The {@code Code} the server returned. */
  public int code() {
    return code;
  }

  /** The server's {@code Message}, possibly null. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The server's {@code RequestId}, possibly null; quote it to support. */
  public String requestId() {
    return requestId;
  }

  /** The HTTP status of the response that carried the code. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The catalogue entry of {@link #code()}, empty for a code the spec does not list. */
  public Optional<ZimReturnCode> returnCode() {
    return Optional.ofNullable(returnCode);
  }
}
