package dev.zimclient.client.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A callback endpoint on the JDK's own HTTP server ({@code com.sun.net.httpserver}): reads each
 * POST and answers what {@link ZimCallbackReceiver} says.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8090), 0);
 * server.createContext("/zim/callbacks", new ZimCallbackHttpHandler(verifier, callback -> {
 *   if (callback instanceof RoomDestroyCallback destroyed) { rooms.forget(destroyed.roomId()); }
 *   return null;
 * }));
 * server.start();
 * }</pre>
 *
 * <p>A body over the verifier's limit is refused from its {@code Content-Length}, or once that
 * many bytes were read, never read whole; a method other than POST gets 405.
 */
public final class ZimCallbackHttpHandler implements HttpHandler {
  private final ZimCallbackReceiver receiver;

  /**
   * @param verifier checks each callback; its {@code maxBodyBytes} also bounds what is read
   * @param listener handles each accepted callback, on the server's thread
   */
  public ZimCallbackHttpHandler(ZimCallbackVerifier verifier, ZimCallbackListener listener) {
    this(new ZimCallbackReceiver(verifier, listener));
  }

  public ZimCallbackHttpHandler(ZimCallbackReceiver receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, new ZimCallbackReceiver.Answer(405, "text/plain", "callbacks are POSTed"));
        return;
      }
      byte[] body = readBody(exchange);
      send(exchange, body == null ? receiver.tooLarge() : receiver.receive(exchange.getRequestHeaders(), body));
    } finally {
      exchange.close();
    }
  }

  /** The body, or null when it is longer than the limit (then it is not read further). */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    int max = receiver.maxBodyBytes();
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.chars().allMatch(Character::isDigit)
        && (length.length() > 10 || Long.parseLong(length) > max)) {
      return null;
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(max + 1);
      return body.length > max ? null : body;
    }
  }

  private static void send(HttpExchange exchange, ZimCallbackReceiver.Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", answer.contentType() + "; charset=utf-8");
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public String toString() {
    return "ZimCallbackHttpHandler[" + receiver + "]";
  }
}
