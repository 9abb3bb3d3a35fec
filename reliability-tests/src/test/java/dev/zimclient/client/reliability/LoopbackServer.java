package dev.zimclient.client.reliability;

import dev.zimclient.client.ZimClientBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 whose answers are written byte by byte by a {@link Script}:
 * for faults WireMock cannot stage (a body that stops, a body that never ends, any status line)
 * and for tens of thousands of calls at loopback speed.
 */
final class LoopbackServer implements AutoCloseable {
  /** Answers one request; returns whether the connection may serve another. */
  @FunctionalInterface
  interface Script {
    boolean answer(String rawTarget, InputStream in, OutputStream out) throws IOException;
  }

  private final ServerSocket listener;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Script> script = new AtomicReference<>(ok());
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<String> lastTarget = new AtomicReference<>();

  LoopbackServer() throws IOException {
    listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    AtomicInteger count = new AtomicInteger();
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "loopback-server-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    threads.execute(this::acceptLoop);
  }

  /** A client for this server, unpaced, so the tests measure the client and not the limiter. */
  dev.zimclient.client.ZimClientBuilder clientBuilder() {
    return dev.zimclient.client.ZimClient.builder()
        .appId(1234567890L)
        .serverSecret("0123456789abcdef0123456789abcdef")
        .endpoint(baseUrl())
        .rateLimiterFactory(dev.zimclient.client.limit.ZimRateLimiters.unlimited());
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/";
  }

  void script(Script next) {
    script.set(next);
  }

  int requests() {
    return requests.get();
  }

  void resetCounts() {
    requests.set(0);
    lastTarget.set(null);
  }

  /** Connections the server holds open now. */
  int openConnections() {
    return open.size();
  }

  /** The request target (path and query) exactly as it arrived, of the latest request. */
  String lastTarget() {
    return lastTarget.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      // One segment per answer: a head and body in separate segments meet delayed ACKs (40 ms).
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      String target;
      while ((target = readRequest(in)) != null) {
        requests.incrementAndGet();
        lastTarget.set(target);
        boolean keepAlive = script.get().answer(target, in, out);
        out.flush();
        if (!keepAlive) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away; nothing to do.
    } finally {
      open.remove(socket);
    }
  }

  /** Reads a request head and any Content-Length body; returns the target or null at end of stream. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    if (matched < 4) {
      return null;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    long length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring(15).trim());
      }
    }
    in.skipNBytes(length);
    String[] requestLine = lines[0].split(" ");
    return requestLine.length > 1 ? requestLine[1] : "";
  }

  // ---- ready-made scripts ----

  /** A success envelope, connection kept alive. */
  static Script ok() {
    return respond(200, "application/json", "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\"}");
  }

  static Script respond(int status, String contentType, String body) {
    return respond(status, contentType, body.getBytes(StandardCharsets.UTF_8), true);
  }

  static Script respond(int status, String contentType, byte[] body, boolean keepAlive) {
    byte[] head = ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
        + (keepAlive ? "" : "\r\nConnection: close") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return (target, in, out) -> {
      out.write(head);
      out.write(body);
      return keepAlive;
    };
  }

  /** Writes the bytes as they are, then closes the connection. */
  static Script raw(byte[] bytes) {
    return (target, in, out) -> {
      out.write(bytes);
      return false;
    };
  }

  /** Announces {@code declared} body bytes, sends {@code sent} of them, then closes or stalls. */
  static Script stopsHalfWay(int declared, int sent, boolean stall) {
    return (target, in, out) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      String json = "{\"Code\":0,\"Message\":\"" + "x".repeat(Math.max(0, declared - 40));
      out.write(json.substring(0, sent).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (stall) {
        stallUntilClosed(in);
      }
      return false;
    };
  }

  /**
   * A 200 whose body goes on until the client hangs up, announced with a Content-Length (or chunked
   * when negative).
   */
  static Script endlessBody(long declaredLength) {
    return (target, in, out) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + (declaredLength >= 0 ? "Content-Length: " + declaredLength : "Transfer-Encoding: chunked") + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      byte[] kib = "{\"Code\":0,\"Message\":\"".concat("x".repeat(1024 - 21)).getBytes(StandardCharsets.ISO_8859_1);
      byte[] chunkHead = "400\r\n".getBytes(StandardCharsets.ISO_8859_1);
      byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
      try {
        for (long i = 0; declaredLength < 0 || i < declaredLength / 1024; i++) {
          if (declaredLength < 0) {
            out.write(chunkHead);
          }
          out.write(kib);
          if (declaredLength < 0) {
            out.write(crlf);
          }
        }
      } catch (SocketException e) {
        // The client refused the rest: the expected end.
      }
      return false;
    };
  }

  /** Reads the request, then never answers. */
  static Script silent() {
    return (target, in, out) -> {
      stallUntilClosed(in);
      return false;
    };
  }

  /** Sends nothing more and waits for the client to hang up (or the server to close). */
  private static void stallUntilClosed(InputStream in) throws IOException {
    while (in.read() >= 0) {
      // Discards anything further the client sends.
    }
  }
}
