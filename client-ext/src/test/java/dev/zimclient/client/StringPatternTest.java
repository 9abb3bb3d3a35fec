package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringPatternTest {
  /** Characters drawn for values: all of ASCII, and some beyond it, one of them outside the BMP. */
  private static final String[] EXTRA = {"é", "中", "😀", "\u00a0"};

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "^[0-9A-Za-z!#$%&()+\\-:;<=.>?@\\[\\]^_{}|~, ]+$ => true",
      "^[a-z]*$ => true",
      "[0-9a-f]+ => true",
      "^[^&#]+$ => true",
      "^[\\w.-]+$ => true",
      "^[\\p{L}0-9]+$ => true",
      "^[a-z]+[0-9]$ => false",
      "^[a-z&&[^x]]+$ => false",
      "^(ab)+$ => false",
      "^[a-c]{2,3}$ => false",
  })
  void agreesWithTheRegexOnEveryValue(String regex, boolean table) {
    StringPattern pattern = StringPattern.compile(regex);
    Pattern reference = Pattern.compile(regex);
    assertEquals(table, pattern.checksAsciiByTable(), "fast path taken");
    Random random = new Random(regex.hashCode());
    for (int n = 0; n < 20_000; n++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(7);
      for (int i = 0; i < length; i++) {
        if (random.nextInt(20) == 0) {
          value.append(EXTRA[random.nextInt(EXTRA.length)]);
        } else {
          value.append((char) random.nextInt(128));
        }
      }
      String text = value.toString();
      assertEquals(reference.matcher(text).matches(), pattern.matches(text), () -> regex + " on " + escape(text));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {"^[a-z]+$ => abc => A", "^[\\p{L}]+$ => 中文 => 1"})
  void acceptsAndRefuses(String regex, String good, String bad) {
    StringPattern pattern = StringPattern.compile(regex);
    assertTrue(pattern.matches(good));
    assertFalse(pattern.matches(good + bad));
    assertFalse(pattern.matches(""));
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
