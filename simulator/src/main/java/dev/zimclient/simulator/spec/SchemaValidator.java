package dev.zimclient.simulator.spec;

import dev.zimclient.simulator.spec.ParamViolation.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks business parameter values against their {@link SchemaRule}s and names the first
 * offending parameter. Query values arrive as strings and are read as the declared type first;
 * JSON values are checked as Jackson parsed them. Lengths count UTF-8 bytes, as ZEGO documents
 * its limits in bytes.
 */
public final class SchemaValidator {

  private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private SchemaValidator() {}

  /**
   * Checks a query parameter given every value sent under its name (empty when absent). A scalar
   * takes the first value, as form decoders do; an empty scalar counts as absent.
   *
   * @return the problem, naming the parameter, or empty when the values conform
   */
  public static Optional<ParamViolation> checkQuery(ParamSpec param, List<String> values) {
    SchemaRule rule = param.rule();
    boolean array = "array".equals(rule.type());
    boolean absent = values.isEmpty() || (!array && values.get(0).isEmpty());
    if (absent) {
      return param.required() ? Optional.of(missing(param.name())) : Optional.empty();
    }
    try {
      Object value;
      if (array) {
        SchemaRule itemRule = rule.items() == null ? SchemaRule.any() : rule.items();
        List<Object> items = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
          items.add(fromQueryString(param.baseName() + "[" + i + "]", values.get(i), itemRule));
        }
        value = items;
      } else {
        value = fromQueryString(param.name(), values.get(0), rule);
      }
      check(param.name(), value, rule);
      return Optional.empty();
    } catch (Violation v) {
      return Optional.of(v.toParamViolation());
    }
  }

  /**
   * Checks a JSON body field; {@code present} tells an absent field from an explicit null.
   *
   * @return the problem, naming the field, or empty when the value conforms
   */
  public static Optional<ParamViolation> checkJson(ParamSpec param, boolean present, Object value) {
    if (!present || (value == null && !param.rule().nullable())) {
      return param.required() ? Optional.of(missing(param.name())) : Optional.empty();
    }
    try {
      check(param.name(), value, param.rule());
      return Optional.empty();
    } catch (Violation v) {
      return Optional.of(v.toParamViolation());
    }
  }

  private static ParamViolation missing(String name) {
    return new ParamViolation(name, Kind.REQUIRED, name + " is required");
  }

  private static Object fromQueryString(String path, String raw, SchemaRule rule) throws Violation {
    String type = rule.type();
    if (type == null || "string".equals(type)) {
      return raw;
    }
    switch (type) {
      case "integer":
        try {
          return new BigDecimal(new BigInteger(raw));
        } catch (NumberFormatException e) {
          throw new Violation(path, Kind.TYPE, " must be an integer");
        }
      case "number":
        try {
          return new BigDecimal(raw);
        } catch (NumberFormatException e) {
          throw new Violation(path, Kind.TYPE, " must be a number");
        }
      case "boolean":
        if ("true".equals(raw) || "false".equals(raw)) {
          return Boolean.valueOf(raw);
        }
        throw new Violation(path, Kind.TYPE, " must be true or false");
      default:
        throw new Violation(path, Kind.TYPE, " cannot be sent in the query (" + type + ")");
    }
  }

  private static void check(String path, Object value, SchemaRule rule) throws Violation {
    if (value == null) {
      if (!rule.nullable()) {
        throw new Violation(path, Kind.TYPE, " must not be null");
      }
      return;
    }
    String type = rule.type();
    if (type != null) {
      switch (type) {
        case "string" -> checkString(path, requireType(path, value, String.class, "a string"), rule);
        case "integer" -> checkInteger(path, value, rule);
        case "number" -> checkNumber(path, toDecimal(path, value, "a number"), rule);
        case "boolean" -> requireType(path, value, Boolean.class, "true or false");
        case "array" -> checkArray(path, requireType(path, value, List.class, "an array"), rule);
        case "object" -> checkObject(path, requireType(path, value, Map.class, "an object"), rule);
        default -> {
          // A type the simulator does not know is accepted rather than guessed at.
        }
      }
    } else if (value instanceof String s) {
      checkString(path, s, rule);
    }
    checkEnum(path, value, rule);
  }

  private static <T> T requireType(String path, Object value, Class<T> type, String what)
      throws Violation {
    if (!type.isInstance(value)) {
      throw new Violation(path, Kind.TYPE, " must be " + what);
    }
    return type.cast(value);
  }

  private static void checkString(String path, String value, SchemaRule rule) throws Violation {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (rule.minLength() != null && bytes < rule.minLength()) {
      throw new Violation(path, Kind.TOO_SHORT, " must be at least " + rule.minLength() + " bytes long");
    }
    if (rule.maxLength() != null && bytes > rule.maxLength()) {
      throw new Violation(
          path, Kind.TOO_LONG, " must be at most " + rule.maxLength() + " bytes long (got " + bytes + ")");
    }
    if (rule.pattern() != null && !rule.pattern().matcher(value).find()) {
      throw new Violation(path, Kind.PATTERN, " does not match the pattern " + rule.patternText());
    }
  }

  private static void checkInteger(String path, Object value, SchemaRule rule) throws Violation {
    BigDecimal number = toDecimal(path, value, "an integer");
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      throw new Violation(path, Kind.TYPE, " must be an integer");
    }
    if ("int32".equals(rule.format())
        && (number.compareTo(INT32_MIN) < 0 || number.compareTo(INT32_MAX) > 0)) {
      throw new Violation(path, Kind.RANGE, " is out of the int32 range");
    }
    if ("int64".equals(rule.format())
        && (number.compareTo(INT64_MIN) < 0 || number.compareTo(INT64_MAX) > 0)) {
      throw new Violation(path, Kind.RANGE, " is out of the int64 range");
    }
    checkNumber(path, number, rule);
  }

  private static void checkNumber(String path, BigDecimal number, SchemaRule rule)
      throws Violation {
    if (rule.minimum() != null) {
      int c = number.compareTo(rule.minimum());
      if (c < 0 || (c == 0 && rule.exclusiveMinimum())) {
        throw new Violation(
            path, Kind.RANGE, " must be " + (rule.exclusiveMinimum() ? "greater than " : "at least ")
                + rule.minimum().toPlainString());
      }
    }
    if (rule.maximum() != null) {
      int c = number.compareTo(rule.maximum());
      if (c > 0 || (c == 0 && rule.exclusiveMaximum())) {
        throw new Violation(
            path, Kind.RANGE, " must be " + (rule.exclusiveMaximum() ? "less than " : "at most ")
                + rule.maximum().toPlainString());
      }
    }
  }

  private static void checkArray(String path, List<?> list, SchemaRule rule) throws Violation {
    if (rule.minItems() != null && list.size() < rule.minItems()) {
      throw new Violation(path, Kind.TOO_FEW_ITEMS, " must have at least " + rule.minItems() + " items");
    }
    if (rule.maxItems() != null && list.size() > rule.maxItems()) {
      throw new Violation(
          path, Kind.TOO_MANY_ITEMS, " must have at most " + rule.maxItems() + " items (got " + list.size() + ")");
    }
    if (rule.items() != null) {
      String base = ParamSpec.baseName(path);
      for (int i = 0; i < list.size(); i++) {
        check(base + "[" + i + "]", list.get(i), rule.items());
      }
    }
  }

  private static void checkObject(String path, Map<?, ?> object, SchemaRule rule)
      throws Violation {
    if (rule.minProperties() != null && object.size() < rule.minProperties()) {
      throw new Violation(path, Kind.TOO_FEW_PROPERTIES, " must have at least " + rule.minProperties() + " entries");
    }
    if (rule.maxProperties() != null && object.size() > rule.maxProperties()) {
      throw new Violation(
          path, Kind.TOO_MANY_PROPERTIES, " must have at most " + rule.maxProperties() + " entries (got " + object.size() + ")");
    }
    for (String name : rule.required()) {
      if (object.get(name) == null) {
        throw new Violation(path + "." + name, Kind.REQUIRED, " is required");
      }
    }
    for (Map.Entry<String, SchemaRule> property : rule.properties().entrySet()) {
      if (object.containsKey(property.getKey())) {
        check(path + "." + property.getKey(), object.get(property.getKey()), property.getValue());
      }
    }
    // A map's free keys (conversation IDs, say) each hold a value of the declared schema.
    if (rule.additionalProperties() != null) {
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        if (!rule.properties().containsKey(String.valueOf(entry.getKey()))) {
          check(path + "." + entry.getKey(), entry.getValue(), rule.additionalProperties());
        }
      }
    }
  }

  private static void checkEnum(String path, Object value, SchemaRule rule) throws Violation {
    if (rule.enumValues().isEmpty()) {
      return;
    }
    for (Object allowed : rule.enumValues()) {
      if (sameValue(allowed, value)) {
        return;
      }
    }
    throw new Violation(path, Kind.ENUM, " must be one of " + rule.enumValues());
  }

  private static boolean sameValue(Object allowed, Object value) {
    if (allowed instanceof Number a && value instanceof Number v) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(v.toString())) == 0;
    }
    return allowed.equals(value) || allowed.toString().equals(value.toString());
  }

  private static BigDecimal toDecimal(String path, Object value, String what) throws Violation {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException e) {
        throw new Violation(path, Kind.TYPE, " must be " + what);
      }
    }
    throw new Violation(path, Kind.TYPE, " must be " + what);
  }

  /** A failed check, thrown out of the recursion; no stack trace, as it is not an error. */
  private static final class Violation extends Exception {
    private final String path;
    private final Kind kind;

    /** {@code predicate} follows the path in the message: " must be a string". */
    Violation(String path, Kind kind, String predicate) {
      super(path + predicate, null, false, false);
      this.path = path;
      this.kind = kind;
    }

    ParamViolation toParamViolation() {
      return new ParamViolation(path, kind, getMessage());
    }
  }
}
