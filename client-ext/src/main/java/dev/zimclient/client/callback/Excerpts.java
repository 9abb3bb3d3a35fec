package dev.zimclient.client.callback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a refusal may say of the body: where a JSON failure happened (from Moshi's message, without
 * the text it quotes) and a short, printable excerpt of a value.
 */
final class Excerpts {
  private static final Pattern AT_PATH = Pattern.compile("at path (\\$\\S*)");

  private Excerpts() {}

  /** The JSON path of the failure ({@code $.user_ids[0]}), or a neutral phrase when none is given. */
  static String of(Exception e) {
    String message = e.getMessage();
    Matcher matcher = message == null ? null : AT_PATH.matcher(message);
    return matcher != null && matcher.find() ? "at " + matcher.group(1) : "unreadable";
  }

  /** The field named by a JSON path: {@code $.attributes[0].key} becomes {@code attributes[0].key}. */
  static String field(Exception e) {
    String message = e.getMessage();
    Matcher matcher = message == null ? null : AT_PATH.matcher(message);
    if (matcher == null || !matcher.find()) {
      return null;
    }
    String path = matcher.group(1);
    return path.startsWith("$.") ? path.substring(2) : null;
  }

  /** At most 64 printable ASCII characters of {@code value}, quoted. */
  static String quote(String value) {
    String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    return '"' + cut.replaceAll("[^\\x20-\\x7E]", "?") + '"';
  }
}
