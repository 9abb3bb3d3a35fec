package dev.zimclient.simulator.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a raw query string the way form decoders on the gateway side do
 * ({@code application/x-www-form-urlencoded}):
 *
 * <ul>
 *   <li>pairs are split on {@code &} only, then on the first {@code =};
 *   <li>{@code %XX} is a byte, and the bytes of a key or value must form valid UTF-8;
 *   <li>a raw {@code +} is a space: a literal plus must arrive as {@code %2B};
 *   <li>a pair whose key or value has a broken escape or invalid UTF-8 is dropped, and its key
 *       is reported in {@link DecodedQuery#malformed()} so that the caller can name it;
 *   <li>a key ending in {@code []} (sent raw or as {@code %5B%5D}) is filed under its base name,
 *       so {@code UserId[]=a&UserId%5B%5D=b&UserId=c} gives {@code UserId -> [a, b, c]}.
 * </ul>
 *
 * <p>The input is the query as the HTTP server hands it over: escapes untouched, and raw bytes
 * beyond ASCII (which clients should have escaped) already read as UTF-8, with U+FFFD in place of
 * bytes that were not UTF-8. A raw non-ASCII char therefore stands for its UTF-8 bytes, and a raw
 * U+FFFD for broken input, as a broken escape does.
 */
public final class QueryDecoder {

  /** What the HTTP server puts in place of raw bytes that are not UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private QueryDecoder() {}

  /** Decodes {@code rawQuery}; null or empty gives an empty query. */
  public static DecodedQuery decode(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Set<String> malformed = new LinkedHashSet<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new DecodedQuery(values, malformed);
    }
    int start = 0;
    while (start <= rawQuery.length()) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = rawQuery.length();
      }
      if (end > start) {
        addPair(rawQuery.substring(start, end), values, malformed);
      }
      start = end + 1;
    }
    return new DecodedQuery(values, malformed);
  }

  private static void addPair(
      String pair, Map<String, List<String>> values, Set<String> malformed) {
    int eq = pair.indexOf('=');
    String rawKey = eq < 0 ? pair : pair.substring(0, eq);
    String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
    String key = component(rawKey);
    if (key == null) {
      malformed.add(rawKey);
      return;
    }
    String base = key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
    String value = component(rawValue);
    if (value == null) {
      malformed.add(base);
      return;
    }
    values.computeIfAbsent(base, k -> new ArrayList<>()).add(value);
  }

  /** One decoded key or value, or null when its encoding is broken. */
  static String component(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0 && isAscii(raw)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write((hi << 4) | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else if (c == REPLACEMENT) {
        return null;
      } else {
        int codePoint = raw.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }
}
