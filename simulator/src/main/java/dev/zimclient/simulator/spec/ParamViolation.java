package dev.zimclient.simulator.spec;

import java.util.Objects;

/**
 * Why a request's parameter does not conform to its schema.
 *
 * @param path the parameter, or the place inside it: {@code RoomId}, {@code UserId[1]},
 *     {@code UserInfo[0].UserName}
 * @param kind which constraint failed
 * @param message a sentence naming the path, e.g. "RoomId must be at most 32 bytes long (got 33)"
 */
public record ParamViolation(String path, Kind kind, String message) {

  public ParamViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The name of the field the path ends in, without indices: {@code UserName} for
   * {@code UserInfo[0].UserName}, {@code UserId} for {@code UserId[1]} or {@code UserId[]}.
   */
  public String leafName() {
    String last = path.substring(path.lastIndexOf('.') + 1);
    int bracket = last.indexOf('[');
    return bracket < 0 ? last : last.substring(0, bracket);
  }

  /** Whether the path names a top-level parameter or one of its items, not a nested field. */
  public boolean topLevel() {
    return path.indexOf('.') < 0;
  }

  /** The constraint a value broke. */
  public enum Kind {
    REQUIRED,
    TYPE,
    TOO_SHORT,
    TOO_LONG,
    PATTERN,
    ENUM,
    RANGE,
    TOO_FEW_ITEMS,
    TOO_MANY_ITEMS,
    TOO_FEW_PROPERTIES,
    TOO_MANY_PROPERTIES
  }
}
