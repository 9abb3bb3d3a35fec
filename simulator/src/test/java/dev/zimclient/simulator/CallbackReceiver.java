package dev.zimclient.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A callback receiver on loopback for the simulator's tests: it records each POST and answers with
 * the statuses queued, then 200. It verifies nothing itself, so tests see exactly what was sent.
 */
final class CallbackReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as it arrived. */
  record Received(String method, String contentType, String body, long nanoTime) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return JSON.readValue(body, Map.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();

  CallbackReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/callbacks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
          new String(body, StandardCharsets.UTF_8), System.nanoTime()));
      int status;
      synchronized (statuses) {
        status = statuses.isEmpty() ? 200 : statuses.removeFirst();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
  }

  /** The next answers, in order; 200 once they are used up. */
  void answer(Integer... next) {
    synchronized (statuses) {
      statuses.addAll(List.of(next));
    }
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until {@code count} requests arrived, for at most {@code timeout}. */
  List<Received> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (received.size() < count) {
      throw new AssertionError("expected " + count + " callbacks, got " + received.size() + ": " + received);
    }
    return received();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
