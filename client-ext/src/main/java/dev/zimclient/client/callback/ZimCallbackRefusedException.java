package dev.zimclient.client.callback;

import java.util.Objects;
import java.util.Optional;

/**
 * A callback the verifier did not accept, and why. The message names the reason and the field at
 * fault, never the secret nor the expected signature.
 */
public final class ZimCallbackRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a callback was refused, with the HTTP status a receiver should answer. */
  public enum Reason {
    /** The body is larger than the verifier's limit. */
    TOO_LARGE(413),
    /** The body is not a JSON object (plain or URL-encoded) nor a form, or a field has the wrong type. */
    MALFORMED(400),
    /** A field the spec requires of the event is absent or empty. */
    MISSING_FIELD(400),
    /** The spec declares no event of this name. */
    UNKNOWN_EVENT(400),
    /** The body is for another AppId than the verifier's. */
    APP_MISMATCH(403),
    /** The signature is not the one of the secret, timestamp and nonce. */
    BAD_SIGNATURE(401),
    /** The timestamp is further from the verifier's clock than its window allows. */
    STALE_TIMESTAMP(401),
    /**
     * The timestamp and nonce were accepted before, within the window. Either ZEGO sent the
     * delivery again, because the first answer did not reach it, or someone replays a captured
     * signature, perhaps with another body: the signature does not cover the body. The handler
     * already saw the first delivery, so a receiver answers 200, which stops ZEGO's retries.
     */
    REPLAYED(200);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The status to answer ZEGO with; anything but 2xx makes it try again later. */
    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;
  private final String field;

  /**
   * @param reason why
   * @param field the field at fault as named in the body (e.g. {@code attributes[0].key}), or null
   * @param detail what was wrong, for logs; it must not hold the secret
   */
  public ZimCallbackRefusedException(Reason reason, String field, String detail) {
    super("callback refused (" + reason + "): " + detail);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  /** The field at fault, when one is. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
