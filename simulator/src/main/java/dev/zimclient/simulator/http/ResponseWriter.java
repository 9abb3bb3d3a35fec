package dev.zimclient.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes HTTP/1.1 responses, always with a {@code Content-Length}. */
final class ResponseWriter {

  private ResponseWriter() {}

  static void write(OutputStream out, RawResponse response, boolean keepAlive, boolean headRequest)
      throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      String name = header.getKey();
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
        head.append(name).append(": ").append(header.getValue()).append("\r\n");
      }
    }
    head.append("Content-Length: ").append(response.body().length).append("\r\n");
    if (!keepAlive) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    // Headers and body in one flush: one segment for small answers, no Nagle/delayed-ACK stall.
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!headRequest) {
      out.write(response.body());
    }
    out.flush();
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }
}
