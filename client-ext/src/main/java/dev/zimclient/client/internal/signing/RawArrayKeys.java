package dev.zimclient.client.internal.signing;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Writes the keys of array query parameters with raw brackets ({@code UserId[]=a}), as ZEGO's
 * documentation does. Retrofit percent-encodes them ({@code UserId%5B%5D=a}), so they are
 * rewritten in the encoded query; values are left as they are.
 */
final class RawArrayKeys {
  private static final String ENCODED_BRACKETS = "%5B%5D";

  private RawArrayKeys() {}

  static HttpUrl rewrite(HttpUrl url) {
    String query = url.encodedQuery();
    if (query == null || !query.toUpperCase(Locale.ROOT).contains(ENCODED_BRACKETS)) {
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
}
