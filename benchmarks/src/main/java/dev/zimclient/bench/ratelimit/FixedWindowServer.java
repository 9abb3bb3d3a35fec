package dev.zimclient.bench.ratelimit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that enforces a rate limit the way the API does: at most {@code permits}
 * requests per AppId in each fixed one-second window of its clock; beyond that it answers the
 * throttle code. It checks nothing else, not even the signature.
 */
final class FixedWindowServer implements AutoCloseable {
  static final int THROTTLE_CODE = 660300005;

  static {
    // The JDK server otherwise leaves Nagle on, and small answers then wait for delayed ACKs.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final byte[] SUCCESS =
      "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"1\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] THROTTLED = ("{\"Code\":" + THROTTLE_CODE
      + ",\"Message\":\"request rate over the AppID-level limit\",\"RequestId\":\"2\"}").getBytes(StandardCharsets.UTF_8);

  private final int permits;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "fixed-window-server");
    thread.setDaemon(true);
    return thread;
  });

  private FixedWindowServer(int permits) throws IOException {
    this.permits = permits;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  /** Starts a server allowing {@code permits} requests per AppId and second. */
  static FixedWindowServer start(int permits) {
    try {
      return new FixedWindowServer(permits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/";
  }

  long accepted() {
    return accepted.get();
  }

  long throttled() {
    return throttled.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String appId = queryParameter(exchange.getRequestURI().getRawQuery(), "AppId");
      long second = System.currentTimeMillis() / 1000;
      boolean admitted = windows.computeIfAbsent(String.valueOf(appId), key -> new Window()).admit(second, permits);
      (admitted ? accepted : throttled).incrementAndGet();
      byte[] body = admitted ? SUCCESS : THROTTLED;
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String queryParameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return pair.substring(equals + 1);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  /** One AppId's count in the current second. */
  private static final class Window {
    private long second = Long.MIN_VALUE;
    private int count;

    synchronized boolean admit(long now, int permits) {
      if (now != second) {
        second = now;
        count = 0;
      }
      if (count < permits) {
        count++;
        return true;
      }
      return false;
    }
  }
}
