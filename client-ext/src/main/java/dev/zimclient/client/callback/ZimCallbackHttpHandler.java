package dev.zimclient.client.callback;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.zimclient.generated.ZimCallback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A callback endpoint on the JDK's own HTTP server ({@code com.sun.net.httpserver}): verifies each
 * POST, hands accepted callbacks to the listener and answers as ZEGO expects.
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
 * <p>Answers: 200 with an empty body once the listener returned, or with the reply as JSON for an
 * event that has one; a refusal's {@link ZimCallbackRefusedException.Reason#httpStatus() status}
 * with its reason as text (a replay is acknowledged with 200 and not handed on); 500 when the
 * listener threw, after which the callback's nonce is given up so that ZEGO's next attempt
 * passes; 405 for a method other than POST. A body over the verifier's limit is refused from its
 * {@code Content-Length}, or once that many bytes were read, never read whole.
 */
public final class ZimCallbackHttpHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ZimCallbackHttpHandler.class);
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final ZimCallbackVerifier verifier;
  private final ZimCallbackListener listener;
  private final int maxBodyBytes;

  /**
   * @param verifier checks each callback; its {@code maxBodyBytes} also bounds what is read
   * @param listener handles each accepted callback, on the server's thread
   */
  public ZimCallbackHttpHandler(ZimCallbackVerifier verifier, ZimCallbackListener listener) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.maxBodyBytes = verifier.maxBodyBytes();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, "text/plain", "callbacks are POSTed");
        return;
      }
      byte[] body = readBody(exchange);
      if (body == null) {
        refuse(exchange, new ZimCallbackRefusedException(ZimCallbackRefusedException.Reason.TOO_LARGE, null,
            "the body is longer than the " + maxBodyBytes + " bytes allowed"));
        return;
      }
      ZimCallback callback;
      try {
        callback = verifier.verify(exchange.getRequestHeaders(), body);
      } catch (ZimCallbackRefusedException e) {
        refuse(exchange, e);
        return;
      }
      deliver(exchange, callback);
    } finally {
      exchange.close();
    }
  }

  private void deliver(HttpExchange exchange, ZimCallback callback) throws IOException {
    Object reply;
    try {
      reply = listener.onCallback(callback);
    } catch (Exception e) {
      verifier.forget(callback);
      LOG.warn("the listener failed on a {} callback; answering 500 so that ZEGO tries again", callback.event(), e);
      send(exchange, 500, "text/plain", "the callback could not be handled");
      return;
    }
    Optional<Class<?>> replyType = callback.type().replyType();
    if (replyType.isEmpty()) {
      send(exchange, 200, null, "");
    } else if (reply == null) {
      send(exchange, 200, "application/json", "{}");
    } else if (replyType.get().isInstance(reply)) {
      send(exchange, 200, "application/json", toJson(replyType.get(), reply));
    } else {
      verifier.forget(callback);
      LOG.error("the listener answered a {} callback with a {}, not a {}", callback.event(),
          reply.getClass().getName(), replyType.get().getName());
      send(exchange, 500, "text/plain", "the callback could not be handled");
    }
  }

  @SuppressWarnings("unchecked")
  private static String toJson(Class<?> type, Object reply) {
    return ((JsonAdapter<Object>) MOSHI.adapter(type)).toJson(reply);
  }

  private static void refuse(HttpExchange exchange, ZimCallbackRefusedException e) throws IOException {
    if (e.reason() == ZimCallbackRefusedException.Reason.REPLAYED) {
      LOG.debug("{}; acknowledged without handling it again", e.getMessage());
    } else {
      LOG.info("{} from {}", e.getMessage(), exchange.getRemoteAddress());
    }
    send(exchange, e.reason().httpStatus(), "text/plain", e.reason().name());
  }

  /** The body, or null when it is longer than the limit (then it is not read further). */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.chars().allMatch(Character::isDigit)
        && (length.length() > 10 || Long.parseLong(length) > maxBodyBytes)) {
      return null;
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public String toString() {
    return "ZimCallbackHttpHandler[" + verifier + "]";
  }
}
