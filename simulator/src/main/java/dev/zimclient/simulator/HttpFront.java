package dev.zimclient.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side: takes {@code GET|POST /?...}, hands it to the {@link Gateway} and writes the
 * answer as HTTP 200 JSON, as the real gateway does for every code. Added latency delays only
 * the answer (the request is judged when it arrives) and waits on a scheduler, not on a worker
 * thread, so slow answers do not starve the server.
 */
final class HttpFront implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());

  private final Gateway gateway;
  private final SimulatorClock clock;
  private final FaultKnobs knobs;
  private final ScheduledExecutorService delays;

  HttpFront(Gateway gateway, SimulatorClock clock, FaultKnobs knobs, ScheduledExecutorService delays) {
    this.gateway = gateway;
    this.clock = clock;
    this.knobs = knobs;
    this.delays = delays;
  }

  @Override
  public void handle(HttpExchange exchange) {
    Instant receivedAt = clock.now();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (path != null && !path.isEmpty() && !"/".equals(path)) {
      sendPlain(exchange, 404, "ZIM actions are served at / only");
      return;
    }
    if (!"GET".equals(method) && !"POST".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, POST");
      sendPlain(exchange, 405, "GET or POST only");
      return;
    }
    byte[] body;
    boolean bodyReadFailed = false;
    try {
      body = exchange.getRequestBody().readAllBytes();
    } catch (IOException e) {
      body = new byte[0];
      bodyReadFailed = true;
    }
    Answer answer =
        gateway.handle(method, exchange.getRequestURI().getRawQuery(), body, bodyReadFailed, receivedAt);
    long delayNanos = FaultKnobs.sampleLatencyNanos(knobs.settings());
    if (delayNanos <= 0) {
      sendJson(exchange, answer);
      return;
    }
    try {
      delays.schedule(() -> sendJson(exchange, answer), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: drop the connection rather than answer late.
      exchange.close();
    }
  }

  private static void sendJson(HttpExchange exchange, Answer answer) {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    send(exchange, 200, answer.json());
  }

  private static void sendPlain(HttpExchange exchange, int status, String text) {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] bytes) {
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client went away; nothing to answer to.
      LOG.log(System.Logger.Level.DEBUG, "could not write answer: {0}", e.toString());
    } finally {
      exchange.close();
    }
  }
}
