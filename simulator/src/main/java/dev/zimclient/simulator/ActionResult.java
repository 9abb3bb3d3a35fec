package dev.zimclient.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An action's answer: the {@code Code}, an optional {@code Message} (the spec's meaning of the
 * code when null) and the fields beside the envelope. {@code RequestId} is always the gateway's.
 */
public final class ActionResult {

  private static final Set<String> ENVELOPE_FIELDS = Set.of("Code", "Message", "RequestId");
  private static final ActionResult SUCCESS = new ActionResult(0, "success", Map.of());

  private final int code;
  private final String message;
  private final Map<String, Object> fields;

  private ActionResult(int code, String message, Map<String, Object> fields) {
    this.code = code;
    this.message = message;
    Map<String, Object> copy = new LinkedHashMap<>(Objects.requireNonNull(fields, "fields"));
    copy.keySet().removeAll(ENVELOPE_FIELDS);
    this.fields = Collections.unmodifiableMap(copy);
  }

  /** Code 0 and nothing beside the envelope. */
  public static ActionResult success() {
    return SUCCESS;
  }

  /**
   * Code 0 with these fields beside the envelope; a {@code Message} among them is the answer's
   * message (so a spec example's own wording is kept), other envelope names are ignored.
   */
  public static ActionResult success(Map<String, Object> fields) {
    Object message = fields.get("Message");
    return new ActionResult(0, message instanceof String text ? text : "success", fields);
  }

  /** A failure with the spec's meaning of {@code code} as message. */
  public static ActionResult error(int code) {
    return new ActionResult(code, null, Map.of());
  }

  /**
   * A failure with fields beside the envelope, as actions that report users one by one answer
   * when none succeeded (an {@code ErrorList}).
   */
  public static ActionResult error(int code, Map<String, Object> fields) {
    return new ActionResult(code, null, fields);
  }

  /** A failure with its own message. */
  public static ActionResult error(int code, String message) {
    return new ActionResult(code, message, Map.of());
  }

  public int code() {
    return code;
  }

  /** The message, or null to use the spec's meaning of the code. */
  public String message() {
    return message;
  }

  public Map<String, Object> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return "ActionResult[code=" + code + ", message=" + message + ", fields=" + fields.keySet() + "]";
  }
}
