package dev.zimclient.simulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 behaviour the simulator relies on, spoken over raw sockets so that every byte is
 * the test's choice: raw targets, persistent connections, body framing and limits, the handler's
 * own Date header, answers to malformed requests, delays, the connection limit and closing.
 */
class SimulatorHttpServerTest {

  private static final int MAX_BODY = 64;
  private static final int MAX_CONNECTIONS = 3;
  private static final String DATE = "Mon, 08 Mar 2021 07:32:23 GMT";

  private final List<RawRequest> seen = new CopyOnWriteArrayList<>();
  private volatile long delayNanos;
  private SimulatorHttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = new SimulatorHttpServer(InetAddress.getLoopbackAddress(), 0, MAX_CONNECTIONS, Duration.ofSeconds(5), MAX_BODY, request -> {
      seen.add(request);
      if (request.rawPath().equals("/fail")) {
        throw new IllegalStateException("handler bug");
      }
      String text = request.method() + " " + request.rawPath() + " " + request.rawQuery() + " "
          + new String(request.body(), StandardCharsets.UTF_8);
      return new RawResponse(200, Map.of("X-Test", "1", "Date", DATE), text.getBytes(StandardCharsets.UTF_8), delayNanos);
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  /** Sends {@code raw} and reads until the server closes the connection. */
  private String exchange(String raw) throws IOException {
    try (Socket socket = connect()) {
      send(socket, raw);
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static void send(Socket socket, String raw) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads one response with a Content-Length body off a persistent connection. */
  private static Answer readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed inside a response head: " + head);
      }
      head.append((char) b);
    }
    Matcher length = Pattern.compile("(?i)\r\nContent-Length: *([0-9]+)\r\n").matcher(head);
    int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
    String body = new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    return new Answer(head.toString(), body);
  }

  private record Answer(String head, String body) {
    int status() {
      return Integer.parseInt(head.substring(9, 12));
    }

    List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (String line : head.split("\r\n")) {
        if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
          values.add(line.substring(name.length() + 1).trim());
        }
      }
      return values;
    }
  }

  @Test
  void keepsTheTargetRawAndServesSeveralRequestsOnOneConnection() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /?RoomId=a+b%2B%zz&x=%E4&y=[]|{} HTTP/1.1\r\nHost: x\r\n\r\n"
          + "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody");
      InputStream in = socket.getInputStream();
      Answer first = readAnswer(in);
      Answer second = readAnswer(in);
      assertEquals(200, first.status(), first.head());
      assertEquals("GET / RoomId=a+b%2B%zz&x=%E4&y=[]|{} ", first.body());
      assertEquals("POST /p null body", second.body());
      assertEquals(List.of(), first.headers("Connection"));
      // Still open: a third request on the same connection is answered too.
      send(socket, "GET /again HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals("GET /again null ", readAnswer(in).body());
    }
    assertEquals(3, seen.size());
  }

  @Test
  void rawBytesBeyondAsciiArriveReadAsUtf8() throws IOException {
    // C3 A9 is "é" in UTF-8; a lone E9 is not UTF-8 and arrives as U+FFFD.
    exchange("GET /?a=\u00c3\u00a9&b=\u00e9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertEquals("a=\u00e9&b=\ufffd", seen.get(0).rawQuery());
  }

  @Test
  void theHandlersDateHeaderIsTheOnlyOneAndTheServerDoesNotNameItself() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      Answer answer = readAnswer(socket.getInputStream());
      assertEquals(List.of(DATE), answer.headers("Date"));
      assertEquals(List.of(), answer.headers("Server"));
      assertEquals(List.of("1"), answer.headers("X-Test"));
      assertEquals(List.of(Integer.toString(answer.body().length())), answer.headers("Content-Length"));
    }
  }

  @Test
  void readsChunkedBodies() throws IOException {
    String answer = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
    assertTrue(answer.endsWith("POST / null abcde"), answer);
  }

  @Test
  void answersExpectContinueBeforeTheBody() throws IOException {
    try (Socket socket = connect()) {
      InputStream in = socket.getInputStream();
      send(socket, "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n");
      byte[] interim = in.readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.ISO_8859_1));
      send(socket, "hi");
      assertTrue(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).endsWith("POST / null hi"));
    }
  }

  @Test
  void http10ClosesUnlessKeptAlive() throws IOException {
    // exchange() returns only once the server has closed the connection.
    String answer = exchange("GET /?a HTTP/1.0\r\n\r\n");
    assertTrue(answer.matches("(?s)HTTP/1\\.[01] 200 .*GET / a $"), answer);
    try (Socket socket = connect()) {
      send(socket, "GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      assertEquals("GET /1 null ", readAnswer(socket.getInputStream()).body());
      send(socket, "GET /2 HTTP/1.0\r\n\r\n");
      assertEquals("GET /2 null ", readAnswer(socket.getInputStream()).body());
      assertEquals(-1, socket.getInputStream().read());
    }
    assertEquals(3, seen.size());
  }

  @Test
  void absoluteFormTargetsAreReducedToPathAndQuery() throws IOException {
    exchange("GET http://127.0.0.1:1/x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n");
    assertEquals("/x", seen.get(0).rawPath());
    assertEquals("y=1", seen.get(0).rawQuery());
  }

  @Test
  void aBodyAtTheLimitIsServedAndOneOverItIsRefused() throws IOException {
    String atLimit = "x".repeat(MAX_BODY);
    try (Socket socket = connect()) {
      send(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 64\r\n\r\n" + atLimit);
      assertEquals("POST / null " + atLimit, readAnswer(socket.getInputStream()).body());
      send(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 65\r\n\r\n" + atLimit + "x");
      assertEquals(413, readAnswer(socket.getInputStream()).status());
    }
    // Chunked, the size is known only while reading: refused all the same.
    try (Socket socket = connect()) {
      send(socket, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "40\r\n" + atLimit + "\r\n1\r\nx\r\n0\r\n\r\n");
      Answer answer = readAnswer(socket.getInputStream());
      assertEquals(413, answer.status(), answer.head() + answer.body());
    }
    // Only the body at the limit reached the handler.
    assertEquals(1, seen.size());
  }

  @Test
  void malformedRequestsAreAnsweredWithoutReachingTheHandler() throws IOException {
    for (String raw : List.of(
        "NONSENSE\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nbad header\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
        "GET /?" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n")) {
      String answer = exchange(raw);
      assertTrue(answer.matches("(?s)HTTP/1\\.1 (4[0-9][0-9]|501) .*"), raw.substring(0, Math.min(60, raw.length())) + " -> " + answer);
      assertFalse(answer.contains("Jetty") || answer.contains("jetty"), answer);
    }
    assertEquals(List.of(), seen);
  }

  @Test
  void aFailingHandlerIsAnswered500AndTheServerGoesOn() throws IOException {
    assertTrue(exchange("GET /fail HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 500 "));
    assertTrue(exchange("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200 "));
  }

  @Test
  void aDelayedAnswerIsSentAfterItsDelay() throws IOException {
    delayNanos = TimeUnit.MILLISECONDS.toNanos(200);
    long start = System.nanoTime();
    String answer = exchange("GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(answer.endsWith("GET /slow null "), answer);
    assertTrue(elapsedMillis >= 200, elapsedMillis + " ms");
  }

  @Test
  void connectionsBeyondTheLimitWaitUntilOneCloses() throws Exception {
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONNECTIONS; i++) {
        Socket socket = connect();
        send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        readAnswer(socket.getInputStream());
        open.add(socket);
      }
      try (Socket extra = connect()) {
        extra.setSoTimeout(500);
        send(extra, "GET /extra HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThrows(SocketTimeoutException.class, () -> extra.getInputStream().read());
        open.remove(0).close();
        extra.setSoTimeout(5000);
        assertEquals("GET /extra null ", readAnswer(extra.getInputStream()).body());
      }
    } finally {
      for (Socket socket : open) {
        socket.close();
      }
    }
  }

  @Test
  void closeDropsOpenConnectionsAndDelayedAnswers() throws Exception {
    try (Socket idle = connect(); Socket waiting = connect()) {
      send(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      readAnswer(idle.getInputStream());
      delayNanos = TimeUnit.SECONDS.toNanos(30);
      send(waiting, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      while (seen.size() < 2) {
        Thread.sleep(5);
      }
      int port = server.port();
      long start = System.nanoTime();
      server.close();
      assertEquals(-1, idle.getInputStream().read());
      assertEquals(-1, waiting.getInputStream().read());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
      assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }
  }

  @Test
  void aDelayOfZeroMeansAtOnceAndANegativeOneIsRefused() {
    assertEquals(0, new RawResponse(200, Map.of(), new byte[0]).delayNanos());
    assertThrows(IllegalArgumentException.class, () -> new RawResponse(200, Map.of(), new byte[0], -1));
    assertNull(new RawRequest("GET", "/", null, new byte[0]).rawQuery());
  }
}
