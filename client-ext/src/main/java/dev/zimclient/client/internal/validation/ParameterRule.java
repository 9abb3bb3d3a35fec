package dev.zimclient.client.internal.validation;

import dev.zimclient.generated.ZimParam;
import dev.zimclient.client.error.ZimInvalidParameterException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The spec's constraints on one parameter or record component, compiled once. */
final class ParameterRule {
  private final String name;
  private final boolean required;
  private final StringRule valueRule;
  private final StringRule itemRule;
  private final int minItems;
  private final int maxItems;
  private final Set<String> allowed;
  private final Set<String> itemAllowed;
  private final BigDecimal minimum;
  private final BigDecimal maximum;

  ParameterRule(ZimParam param) {
    this.name = param.name();
    this.required = param.required();
    this.valueRule = new StringRule(param.minLength(), param.maxLength(), param.pattern());
    this.itemRule = new StringRule(param.itemMinLength(), param.itemMaxLength(), param.itemPattern());
    this.minItems = param.minItems();
    this.maxItems = param.maxItems();
    this.allowed = Set.of(param.allowed());
    this.itemAllowed = Set.of(param.itemAllowed());
    this.minimum = param.minimum().isEmpty() ? null : new BigDecimal(param.minimum());
    this.maximum = param.maximum().isEmpty() ? null : new BigDecimal(param.maximum());
  }

  String name() {
    return name;
  }

  void check(String path, Object value) {
    if (value == null) {
      if (required) {
        // A request body has no wire name of its own.
        throw new ZimInvalidParameterException(path.isEmpty() ? "body" : path, "is required");
      }
      return;
    }
    checkAllowed(path, value, allowed);
    if (value instanceof CharSequence text) {
      valueRule.check(path, text.toString());
    } else if (value instanceof Collection<?> items) {
      checkItems(path, items);
    } else if (value instanceof Number number) {
      checkRange(path, number);
    } else if (value instanceof Record record) {
      RecordRules.of(record.getClass()).check(path, record);
    }
  }

  private void checkItems(String path, Collection<?> items) {
    if (minItems >= 0 && items.size() < minItems) {
      throw new ZimInvalidParameterException(path, "has " + items.size() + " items, fewer than the " + minItems + " required");
    }
    if (maxItems >= 0 && items.size() > maxItems) {
      throw new ZimInvalidParameterException(path, "has " + items.size() + " items, more than the " + maxItems + " allowed");
    }
    int index = 0;
    for (Object item : items) {
      String itemPath = path + "[" + index++ + "]";
      if (item == null) {
        throw new ZimInvalidParameterException(itemPath, "is null");
      }
      checkAllowed(itemPath, item, itemAllowed);
      if (item instanceof CharSequence text) {
        itemRule.check(itemPath, text.toString());
      } else if (item instanceof Record record) {
        RecordRules.of(record.getClass()).check(itemPath, record);
      }
    }
  }

  /** An enumeration's values are compared as their JSON text: {@code 2} and {@code "2.0"} differ. */
  private static void checkAllowed(String path, Object value, Set<String> allowed) {
    if (!allowed.isEmpty() && !(value instanceof Collection) && !allowed.contains(String.valueOf(value))) {
      throw new ZimInvalidParameterException(path, "is " + value + ", not one of " + new TreeSet<>(allowed));
    }
  }

  private void checkRange(String path, Number number) {
    if (minimum == null && maximum == null) {
      return;
    }
    BigDecimal decimal = new BigDecimal(number.toString());
    if (minimum != null && decimal.compareTo(minimum) < 0) {
      throw new ZimInvalidParameterException(path, "is " + number + ", less than the minimum " + minimum.toPlainString());
    }
    if (maximum != null && decimal.compareTo(maximum) > 0) {
      throw new ZimInvalidParameterException(path, "is " + number + ", more than the maximum " + maximum.toPlainString());
    }
  }

  /** Length in UTF-8 bytes and a pattern, for a string or each string item. */
  private static final class StringRule {
    private final int minLength;
    private final int maxLength;
    /** A pattern that is one character class repeated, {@code ^[...]+$}: it refuses characters one by one. */
    private static final Pattern REPEATED_CLASS = Pattern.compile("\\^\\[.*\\][+*]\\$");

    private final Pattern pattern;
    /** The pattern as the spec writes it, for messages. */
    private final String patternText;
    private final boolean perCharacter;

    StringRule(int minLength, int maxLength, String pattern) {
      this.minLength = minLength;
      this.maxLength = maxLength;
      this.pattern = pattern.isEmpty() ? null : Pattern.compile(endOfInput(pattern));
      this.patternText = pattern;
      this.perCharacter = REPEATED_CLASS.matcher(pattern).matches();
    }

    void check(String path, String value) {
      if (value.isEmpty() && minLength > 0) {
        throw new ZimInvalidParameterException(path, "must not be empty");
      }
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      if (minLength >= 0 && bytes < minLength) {
        throw new ZimInvalidParameterException(path, "is " + bytes + " bytes in UTF-8, fewer than the " + minLength + " required");
      }
      if (maxLength >= 0 && bytes > maxLength) {
        throw new ZimInvalidParameterException(path, "is " + bytes + " bytes in UTF-8, more than the " + maxLength + " allowed");
      }
      // As in JSON Schema, a pattern is searched for, not matched whole: anchors say where.
      if (pattern != null && !pattern.matcher(value).find()) {
        throw new ZimInvalidParameterException(path, describeMismatch(value));
      }
    }

    /**
     * A final {@code $} anchors at the end of the value, as in JSON Schema's (ECMA-262) patterns; in
     * Java it would also match before a final line break, letting {@code "room\n"} through.
     */
    private static String endOfInput(String pattern) {
      boolean anchored = pattern.endsWith("$") && !pattern.endsWith("\\$");
      return anchored ? pattern.substring(0, pattern.length() - 1) + "\\z" : pattern;
    }

    /** Names the first character the pattern refuses on its own, when the pattern is per-character. */
    private String describeMismatch(String value) {
      if (!perCharacter) {
        return "does not match the pattern " + patternText;
      }
      for (int i = 0; i < value.length(); ) {
        int codePoint = value.codePointAt(i);
        if (!pattern.matcher(new String(Character.toChars(codePoint))).matches()) {
          return String.format("contains %s (U+%04X) at index %d, which is not allowed (pattern %s)",
              printable(codePoint), codePoint, i, patternText);
        }
        i += Character.charCount(codePoint);
      }
      return "does not match the pattern " + patternText;
    }

    private static String printable(int codePoint) {
      return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) && codePoint != ' '
          ? "a control or whitespace character"
          : "'" + new String(Character.toChars(codePoint)) + "'";
    }
  }
}
