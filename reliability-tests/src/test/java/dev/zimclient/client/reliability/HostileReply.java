package dev.zimclient.client.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** A whole HTTP response as bytes: any status, framing, headers and body, well-formed or not. */
record HostileReply(int status, Framing framing, List<String> headers, byte[] body) {
  /** How the body's end is told, honestly or not. */
  enum Framing { CONTENT_LENGTH, LENGTH_TOO_LONG, LENGTH_TOO_SHORT, CHUNKED, BROKEN_CHUNKS, UNTIL_CLOSE, NO_STATUS_LINE }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (framing == Framing.NO_STATUS_LINE) {
      out.writeBytes(body);
      return out.toByteArray();
    }
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\nConnection: close\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    switch (framing) {
      case CONTENT_LENGTH -> head.append("Content-Length: ").append(body.length).append("\r\n");
      case LENGTH_TOO_LONG -> head.append("Content-Length: ").append(body.length + 17).append("\r\n");
      case LENGTH_TOO_SHORT -> head.append("Content-Length: ").append(body.length / 2).append("\r\n");
      case CHUNKED, BROKEN_CHUNKS -> head.append("Transfer-Encoding: chunked\r\n");
      default -> { }
    }
    out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    if (framing == Framing.CHUNKED || framing == Framing.BROKEN_CHUNKS) {
      String size = framing == Framing.CHUNKED ? Integer.toHexString(body.length) : "zz" + body.length;
      out.writeBytes((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      out.writeBytes((framing == Framing.CHUNKED ? "\r\n0\r\n\r\n" : "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  boolean isSuccessStatus() {
    return framing != Framing.NO_STATUS_LINE && status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    String text = new String(body, StandardCharsets.UTF_8);
    return "HTTP " + status + " " + framing + " " + headers + " body(" + body.length + ")="
        + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }

  // ---- generators ----

  static Arbitrary<HostileReply> any() {
    return Combinators.combine(statuses(), Arbitraries.of(Framing.class), headerLists(), bodies()).as(HostileReply::new);
  }

  private static Arbitrary<Integer> statuses() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(200)),
        Tuple.of(3, Arbitraries.of(201, 204, 301, 302, 304, 400, 401, 403, 404, 408, 429, 500, 502, 503, 504)),
        Tuple.of(2, Arbitraries.integers().between(100, 599)));
  }

  private static Arbitrary<List<String>> headerLists() {
    Arbitrary<String> header = Arbitraries.of(
        "Content-Type: application/json", "Content-Type: text/html; charset=utf-8", "Content-Type: application/json; charset=latin1",
        "Content-Encoding: gzip", "Date: Fri, 31 Dec 9999 23:59:59 GMT", "Date: Thu, 01 Jan 1970 00:00:00 GMT",
        "Date: not a date", "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now()),
        "Retry-After: 999999", "Location: http://127.0.0.1:1/elsewhere", "X-Junk: \u0001\u007f");
    return header.list().ofMaxSize(4);
  }

  private static Arbitrary<byte[]> bodies() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, envelopes().map(HostileReply::utf8)),
        Tuple.of(2, envelopes().flatMap(json -> Arbitraries.integers().between(0, Math.max(0, json.length() - 1))
            .map(cut -> utf8(json.substring(0, cut))))),
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(400)),
        Tuple.of(1, Arbitraries.integers().between(1, 400).map(depth -> utf8("[".repeat(depth) + "]".repeat(depth)))),
        Tuple.of(1, Arbitraries.integers().between(1, 400).map(depth -> utf8("{\"Code\":".repeat(depth) + "0" + "}".repeat(depth)))),
        Tuple.of(1, Arbitraries.of("", "null", "true", "0", "\"text\"", "[]", "{}", "<html>502 Bad Gateway</html>",
            "{\"Code\":0}garbage", "\uFEFF{\"Code\":0}", "{\"Code\":0", "{'Code':0}", "{Code:0}").map(HostileReply::utf8)),
        Tuple.of(1, Arbitraries.just(new byte[] {'{', '"', 'C', 'o', 'd', 'e', '"', ':', '0', ',', '"', 'M', '"', ':', '"',
            (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'})));
  }

  /** Envelope-like JSON whose members are each right, wrong or missing. */
  private static Arbitrary<String> envelopes() {
    Arbitrary<String> code = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(0, 1, 2, 3, 7, 105001, 100000004, 100000005, 100000015, 660300001, 660300005,
            660300014, 660000001).map(String::valueOf)),
        Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
        Tuple.of(2, Arbitraries.of("99999999999999999999", "-0", "0.0", "1.5", "1e3", "1e999", "-1e999", "NaN",
            "\"0\"", "\"1\"", "\"abc\"", "null", "true", "{}", "[]", "[0]", "0x10", "00", "+1")));
    Arbitrary<String> value = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().ofMaxLength(40).map(HostileReply::jsonString)),
        Tuple.of(1, Arbitraries.of("null", "12", "{}", "[]", "\"\\u0000\"", "\"\\x\"", "\"\\ud800\"", "\"" + "m".repeat(5000) + "\"")));
    Arbitrary<String> member = Arbitraries.frequencyOf(
        Tuple.of(4, code.map(c -> "\"Code\":" + c)),
        Tuple.of(2, value.map(v -> "\"Message\":" + v)),
        Tuple.of(2, value.map(v -> "\"RequestId\":" + v)),
        Tuple.of(1, Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), value)
            .as((k, v) -> "\"" + k + "\":" + v)));
    return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
