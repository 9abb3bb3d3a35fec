package dev.zimclient.client;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * How the key of an array query parameter, such as {@code UserId[]}, is written on the wire.
 * ZEGO's documentation writes the brackets as they are, while its samples send both forms; which
 * one the server requires is not documented, so the client lets the caller choose.
 */
public enum ArrayParameterKeys {
  /** {@code UserId[]=a&UserId[]=b}, as the documentation writes it; the default. */
  RAW_BRACKETS,
  /** {@code UserId%5B%5D=a&UserId%5B%5D=b}, as a strict URL encoder writes it. */
  PERCENT_ENCODED;

  private static final String ENCODED_BRACKETS = "%5B%5D";

  /** The URL with every query key that ends in encoded brackets written this way. */
  HttpUrl rewrite(HttpUrl url) {
    // The interface's query keys arrive percent-encoded, so only the raw style rewrites them.
    if (this == PERCENT_ENCODED || !mayHaveEncodedBrackets(url.toString())) {
      return url;
    }
    String query = url.encodedQuery();
    if (query == null) {
      return url;
    }
    StringBuilder rewritten = new StringBuilder(query.length());
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.toUpperCase(Locale.ROOT).endsWith(ENCODED_BRACKETS)) {
        key = key.substring(0, key.length() - ENCODED_BRACKETS.length()) + "[]";
      }
      if (rewritten.length() > 0) {
        rewritten.append('&');
      }
      rewritten.append(key).append(eq < 0 ? "" : pair.substring(eq));
    }
    return url.newBuilder().encodedQuery(rewritten.toString()).build();
  }

  /**
   * Whether the URL holds an encoded bracket pair anywhere. Most requests have no array key, and
   * this check, unlike extracting and upper-casing the query, allocates nothing.
   */
  private static boolean mayHaveEncodedBrackets(String url) {
    for (int i = url.indexOf('%'); i >= 0; i = url.indexOf('%', i + 1)) {
      if (url.regionMatches(true, i, ENCODED_BRACKETS, 0, ENCODED_BRACKETS.length())) {
        return true;
      }
    }
    return false;
  }
}
