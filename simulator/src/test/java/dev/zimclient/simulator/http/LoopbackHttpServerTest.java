package dev.zimclient.simulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 framing, spoken over raw sockets so that every byte is the test's choice. */
class LoopbackHttpServerTest {

  private final List<RawRequest> seen = new CopyOnWriteArrayList<>();
  private LoopbackHttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackHttpServer(0, 4, Duration.ofSeconds(5), 64, request -> {
      seen.add(request);
      String text = request.method() + " " + request.rawPath() + " " + request.rawQuery() + " "
          + new String(request.body(), StandardCharsets.UTF_8);
      return new RawResponse(200, Map.of("X-Test", "1"), text.getBytes(StandardCharsets.UTF_8));
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Sends {@code raw} and reads until the server closes the connection. */
  private String exchange(String raw) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void keepsTheTargetRawAndServesSeveralRequestsPerConnection() throws IOException {
    String answers = exchange(
        "GET /?RoomId=a+b%2B%zz&x=%E4 HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /p HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody"
            + "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertEquals(3, seen.size());
    assertEquals("RoomId=a+b%2B%zz&x=%E4", seen.get(0).rawQuery());
    assertEquals(null, seen.get(2).rawQuery());
    assertTrue(answers.startsWith("HTTP/1.1 200 OK\r\nX-Test: 1\r\nContent-Length: 29\r\n\r\nGET / RoomId=a+b%2B%zz&x=%E4 "), answers);
    assertTrue(answers.contains("POST /p null body"), answers);
    assertTrue(answers.endsWith("Connection: close\r\n\r\nGET / null "), answers);
  }

  @Test
  void readsChunkedBodies() throws IOException {
    String answer = exchange("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: x\r\n\r\n");
    assertTrue(answer.endsWith("POST / null abcde"), answer);
  }

  @Test
  void answersExpectContinueBeforeTheBody() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] interim = in.readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.ISO_8859_1));
      out.write("hi".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertTrue(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).endsWith("POST / null hi"));
    }
  }

  @Test
  void http10ClosesUnlessKeptAlive() throws IOException {
    String answer = exchange("GET /?a HTTP/1.0\r\n\r\n");
    assertTrue(answer.contains("Connection: close"), answer);
    assertEquals(1, seen.size());
  }

  @Test
  void absoluteFormTargetsAreReducedToPathAndQuery() throws IOException {
    exchange("GET http://127.0.0.1:1/x?y=1 HTTP/1.1\r\nConnection: close\r\n\r\n");
    exchange("GET http://127.0.0.1:1?y=2 HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertEquals("/x", seen.get(0).rawPath());
    assertEquals("y=1", seen.get(0).rawQuery());
    assertEquals("/", seen.get(1).rawPath());
    assertEquals("y=2", seen.get(1).rawQuery());
  }

  @Test
  void malformedRequestsGetTheirStatusAndAClosedConnection() throws IOException {
    assertTrue(exchange("NONSENSE\r\n\r\n").startsWith("HTTP/1.1 400 "));
    assertTrue(exchange("GET / HTTP/1.1\r\nbad header\r\n\r\n").startsWith("HTTP/1.1 400 "));
    assertTrue(exchange("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n").startsWith("HTTP/1.1 413 "));
    assertTrue(exchange("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n").startsWith("HTTP/1.1 400 "));
    assertTrue(exchange("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n").startsWith("HTTP/1.1 501 "));
    assertTrue(exchange("GET * HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 400 "));
    assertEquals(0, seen.size());
  }

  @Test
  void aHeadAnswerHasNoBody() throws IOException {
    String answer = exchange("HEAD / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertTrue(answer.endsWith("Content-Length: 12\r\nConnection: close\r\n\r\n"), answer);
  }

  @Test
  void connectionsBeyondTheLimitAreRefused() throws Exception {
    List<Socket> idle = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        // A full request, so that each connection surely holds its thread.
        socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        socket.getInputStream().read(new byte[64]);
        idle.add(socket);
      }
      assertTrue(exchange("GET / HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 503 "));
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }

  @Test
  void closeDropsOpenConnections() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      byte[] buffer = new byte[256];
      assertTrue(socket.getInputStream().read(buffer) > 0);
      server.close();
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(rest);
      assertEquals(-1, socket.getInputStream().read());
    }
  }
}
