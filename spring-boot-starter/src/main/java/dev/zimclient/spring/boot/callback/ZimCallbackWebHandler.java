package dev.zimclient.spring.boot.callback;

import dev.zimclient.client.callback.ZimCallbackReceiver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A callback endpoint in a Spring MVC or WebFlux controller: hands the request to the {@link
 * ZimCallbackReceiver} and returns its answer as a {@link ResponseEntity}. The application maps
 * the route, so that its own path, security and threading apply:
 *
 * <pre>{@code
 * @PostMapping("/zim/callbacks")
 * ResponseEntity<String> callbacks(@RequestHeader(name = "Content-Type", required = false) String type,
 *     @RequestBody byte[] body) {
 *   return zimCallbacks.handle(type, body);
 * }
 * }</pre>
 *
 * <p>In WebFlux, take {@code @RequestBody Mono<byte[]>} and map it; the listener runs where the
 * body arrives, so one that blocks belongs on another scheduler. Made by the auto-configuration
 * when a {@code ZimCallbackListener} bean exists and {@code zim.callback.secret} is set.
 */
public final class ZimCallbackWebHandler {
  private final ZimCallbackReceiver receiver;

  public ZimCallbackWebHandler(ZimCallbackReceiver receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
  }

  /**
   * The answer to one callback.
   *
   * @param contentType the request's {@code Content-Type}, or null
   * @param body the request's body as received (null reads as empty, which is refused)
   */
  public ResponseEntity<String> handle(String contentType, byte[] body) {
    Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
    ZimCallbackReceiver.Answer answer = receiver.receive(headers, body == null ? new byte[0] : body);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
    if (answer.contentType() == null) {
      return response.build();
    }
    return response.contentType(MediaType.parseMediaType(answer.contentType() + ";charset=UTF-8")).body(answer.body());
  }

  @Override
  public String toString() {
    return "ZimCallbackWebHandler[" + receiver + "]";
  }
}
