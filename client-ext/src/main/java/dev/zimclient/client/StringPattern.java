package dev.zimclient.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec pattern that whole values must match. Most are one character class repeated, such as
 * {@code ^[0-9A-Za-z_]+$}; for those, ASCII values are checked against a table built from the
 * pattern itself, which runs on every call without a regex engine or an allocation. Anything else,
 * and any value with a non-ASCII character, goes to the regex.
 */
final class StringPattern {
  /** {@code ^[class]+$} or {@code ^[class]*$}, anchors optional; the class may hold escapes. */
  private static final Pattern REPEATED_CLASS = Pattern.compile("\\^?(\\[(?:\\\\.|[^\\\\\\[\\]])+\\])([+*])\\$?");

  private final Pattern pattern;
  /** Which ASCII characters the class allows; null when the pattern is not a repeated class. */
  private final boolean[] ascii;
  private final boolean allowsEmpty;

  private StringPattern(Pattern pattern, boolean[] ascii, boolean allowsEmpty) {
    this.pattern = pattern;
    this.ascii = ascii;
    this.allowsEmpty = allowsEmpty;
  }

  static StringPattern compile(String regex) {
    Pattern pattern = Pattern.compile(regex);
    Matcher shape = REPEATED_CLASS.matcher(regex);
    if (!shape.matches()) {
      return new StringPattern(pattern, null, false);
    }
    Pattern characterClass = Pattern.compile(shape.group(1));
    boolean[] ascii = new boolean[128];
    for (char c = 0; c < ascii.length; c++) {
      ascii[c] = characterClass.matcher(String.valueOf(c)).matches();
    }
    return new StringPattern(pattern, ascii, shape.group(2).equals("*"));
  }

  /** Whether the whole value matches, exactly as {@code pattern.matcher(value).matches()}. */
  boolean matches(String value) {
    if (ascii == null) {
      return pattern.matcher(value).matches();
    }
    if (value.isEmpty()) {
      return allowsEmpty;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= ascii.length) {
        return pattern.matcher(value).matches();
      }
      if (!ascii[c]) {
        return false;
      }
    }
    return true;
  }

  /** Whether one code point on its own matches, to name the first one a value fails on. */
  boolean matchesCodePoint(int codePoint) {
    return pattern.matcher(new String(Character.toChars(codePoint))).matches();
  }

  /** Whether ASCII values skip the regex. */
  boolean checksAsciiByTable() {
    return ascii != null;
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
