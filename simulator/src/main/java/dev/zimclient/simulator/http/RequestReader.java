package dev.zimclient.simulator.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.x requests off one connection: request line, headers, and a body framed by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}. Lines are read as ISO-8859-1,
 * one char per byte, so the target reaches the caller exactly as sent.
 */
final class RequestReader {

  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 100;
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final ByteInput in;
  private final OutputStream out;
  private final int maxBodyBytes;
  private boolean keepAlive;

  RequestReader(InputStream in, OutputStream out, int maxBodyBytes) {
    this.in = new ByteInput(in, 8192);
    this.out = out;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Whether the last request read allows another one on this connection. */
  boolean keepAlive() {
    return keepAlive;
  }

  /**
   * The next request, or null when the client closed the connection between requests.
   *
   * @throws BadRequestException for a malformed request: answer it and close
   * @throws IOException when the connection fails or closes mid-request
   */
  RawRequest read() throws IOException, BadRequestException {
    String requestLine = readLine(414);
    // RFC 9112: a server should ignore empty lines before the request line.
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = readLine(414);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
      throw new BadRequestException(400, "malformed request line");
    }
    String method = parts[0];
    String target = originForm(parts[1]);
    Map<String, String> headers = readHeaders();
    boolean http11 = !"HTTP/1.0".equals(parts[2]);
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");

    byte[] body = readBody(headers);
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? null : target.substring(question + 1);
    return new RawRequest(method, rawPath, rawQuery, headers, body);
  }

  // An absolute-form target (as proxies send) is reduced to its path and query.
  private static String originForm(String target) throws BadRequestException {
    if (target.startsWith("/")) {
      return target;
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      int pathStart = target.indexOf('/', target.indexOf("//") + 2);
      int queryStart = target.indexOf('?', target.indexOf("//") + 2);
      if (pathStart < 0 || (queryStart >= 0 && queryStart < pathStart)) {
        return queryStart < 0 ? "/" : "/" + target.substring(queryStart);
      }
      return target.substring(pathStart);
    }
    throw new BadRequestException(400, "unsupported request target");
  }

  private Map<String, String> readHeaders() throws IOException, BadRequestException {
    Map<String, String> headers = new HashMap<>();
    for (int count = 0; ; count++) {
      String line = readLine(431);
      if (line == null) {
        throw new EOFException("connection closed inside the headers");
      }
      if (line.isEmpty()) {
        return headers;
      }
      if (count >= MAX_HEADERS) {
        throw new BadRequestException(431, "too many headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
          || line.substring(0, colon).contains(" ")) {
        throw new BadRequestException(400, "malformed header line");
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      String previous = headers.putIfAbsent(name, value);
      if (previous != null && name.equals("content-length") && !previous.equals(value)) {
        throw new BadRequestException(400, "conflicting Content-Length headers");
      }
      if (previous != null && name.equals("transfer-encoding")) {
        headers.put(name, previous + ", " + value);
      }
    }
  }

  private byte[] readBody(Map<String, String> headers) throws IOException, BadRequestException {
    String transferEncoding = headers.get("transfer-encoding");
    String contentLength = headers.get("content-length");
    if (transferEncoding != null) {
      if (!transferEncoding.toLowerCase(Locale.ROOT).trim().endsWith("chunked")) {
        throw new BadRequestException(501, "unsupported Transfer-Encoding");
      }
      // A message with both is suspicious (request smuggling): serve it, then close.
      if (contentLength != null) {
        keepAlive = false;
      }
      sendContinueIfExpected(headers);
      return readChunked();
    }
    if (contentLength == null) {
      return new byte[0];
    }
    if (!contentLength.matches("[0-9]{1,10}")) {
      throw new BadRequestException(400, "malformed Content-Length");
    }
    long length = Long.parseLong(contentLength);
    if (length > maxBodyBytes) {
      throw new BadRequestException(413, "body larger than " + maxBodyBytes + " bytes");
    }
    if (length > 0) {
      sendContinueIfExpected(headers);
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new EOFException("connection closed inside the body");
    }
    return body;
  }

  private void sendContinueIfExpected(Map<String, String> headers) throws IOException {
    if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
      out.write(CONTINUE);
      out.flush();
    }
  }

  private byte[] readChunked() throws IOException, BadRequestException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(400);
      if (sizeLine == null) {
        throw new EOFException("connection closed inside a chunked body");
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new BadRequestException(400, "malformed chunk size");
      }
      if (size < 0 || body.size() + (long) size > maxBodyBytes) {
        throw new BadRequestException(413, "body larger than " + maxBodyBytes + " bytes");
      }
      if (size == 0) {
        // Trailers, ignored, up to the empty line.
        String trailer = readLine(431);
        while (trailer != null && !trailer.isEmpty()) {
          trailer = readLine(431);
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new EOFException("connection closed inside a chunk");
      }
      body.write(chunk);
      String end = readLine(400);
      if (end == null || !end.isEmpty()) {
        throw new BadRequestException(400, "chunk not followed by CRLF");
      }
    }
  }

  /** A line without its CRLF (or bare LF), or null at end of stream before any byte. */
  private String readLine(int tooLongStatus) throws IOException, BadRequestException {
    StringBuilder line = new StringBuilder(128);
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      if (line.length() >= MAX_LINE) {
        throw new BadRequestException(tooLongStatus, "line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) b);
      b = in.read();
    }
    if (b < 0) {
      throw new EOFException("connection closed inside a line");
    }
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      line.setLength(length - 1);
    }
    return line.toString();
  }
}
