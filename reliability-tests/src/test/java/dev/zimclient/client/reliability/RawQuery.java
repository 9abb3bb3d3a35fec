package dev.zimclient.client.reliability;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request target's query as a server would read it. Two readings: strict (only %XX escapes,
 * '+' stays '+') and form decoding ('+' means space). A value that arrives right under both
 * cannot be misread by either kind of server.
 */
final class RawQuery {
  private RawQuery() {}

  static Map<String, List<String>> strict(String target) {
    return parse(target, false);
  }

  static Map<String, List<String>> form(String target) {
    return parse(target, true);
  }

  private static Map<String, List<String>> parse(String target, boolean form) {
    int q = target.indexOf('?');
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (q < 0) {
      return params;
    }
    for (String pair : target.substring(q + 1).split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.computeIfAbsent(decode(key, form), k -> new ArrayList<>()).add(decode(value, form));
    }
    return params;
  }

  private static String decode(String text, boolean form) {
    if (form) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
