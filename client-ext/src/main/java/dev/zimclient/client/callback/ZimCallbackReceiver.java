package dev.zimclient.client.callback;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.zimclient.generated.ZimCallback;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a callback endpoint does, whatever serves it: verifies the request, hands an accepted
 * callback to the listener and says what to answer ZEGO. Web framework adapters only read the
 * request and write the {@link Answer}: {@link ZimCallbackHttpHandler} for the JDK's HTTP server,
 * or a controller method in any framework.
 *
 * <p>Answers: 200 with an empty body once the listener returned, or with the reply as JSON for an
 * event that has one ({@code {}} when the listener returned null); a refusal's {@link
 * ZimCallbackRefusedException.Reason#httpStatus() status} with its reason as text (a replay is
 * acknowledged with 200 and not handed on); 500 when the listener threw or returned a reply of the
 * wrong type, after which the callback's nonce is given up so that ZEGO's next attempt passes.
 * Thread-safe when the listener is.
 */
public final class ZimCallbackReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(ZimCallbackReceiver.class);
  private static final Moshi MOSHI = new Moshi.Builder().build();

  /** What to answer: the HTTP status, the body's media type (null for no body) and the body. */
  public record Answer(int status, String contentType, String body) {}

  private final ZimCallbackVerifier verifier;
  private final ZimCallbackListener listener;

  /**
   * @param verifier checks each callback
   * @param listener handles each accepted callback, on the caller's thread
   */
  public ZimCallbackReceiver(ZimCallbackVerifier verifier, ZimCallbackListener listener) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The verifier's body limit, for adapters that can stop reading a body at that size. */
  public int maxBodyBytes() {
    return verifier.maxBodyBytes();
  }

  /**
   * Receives one callback: its headers (only {@code Content-Type} is read) and its whole body.
   *
   * @return what to answer; never throws for anything the request holds
   */
  public Answer receive(Map<String, ? extends Collection<String>> headers, byte[] body) {
    ZimCallback callback;
    try {
      callback = verifier.verify(headers, body);
    } catch (ZimCallbackRefusedException e) {
      return refused(e);
    }
    return deliver(callback);
  }

  /** The answer to a body the adapter stopped reading at {@link #maxBodyBytes()}. */
  public Answer tooLarge() {
    return refused(new ZimCallbackRefusedException(ZimCallbackRefusedException.Reason.TOO_LARGE, null,
        "the body is longer than the " + maxBodyBytes() + " bytes allowed"));
  }

  private Answer deliver(ZimCallback callback) {
    Object reply;
    try {
      reply = listener.onCallback(callback);
    } catch (Exception e) {
      verifier.forget(callback);
      LOG.warn("the listener failed on a {} callback; answering 500 so that ZEGO tries again", callback.event(), e);
      return failed();
    }
    Optional<Class<?>> replyType = callback.type().replyType();
    if (replyType.isEmpty()) {
      return new Answer(200, null, "");
    }
    if (reply == null) {
      return new Answer(200, "application/json", "{}");
    }
    if (!replyType.get().isInstance(reply)) {
      verifier.forget(callback);
      LOG.error("the listener answered a {} callback with a {}, not a {}", callback.event(),
          reply.getClass().getName(), replyType.get().getName());
      return failed();
    }
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(replyType.get());
    return new Answer(200, "application/json", adapter.toJson(reply));
  }

  private static Answer refused(ZimCallbackRefusedException e) {
    if (e.reason() == ZimCallbackRefusedException.Reason.REPLAYED) {
      LOG.debug("{}; acknowledged without handling it again", e.getMessage());
    } else {
      LOG.info("{}", e.getMessage());
    }
    return new Answer(e.reason().httpStatus(), "text/plain", e.reason().name());
  }

  private static Answer failed() {
    return new Answer(500, "text/plain", "the callback could not be handled");
  }

  @Override
  public String toString() {
    return "ZimCallbackReceiver[" + verifier + "]";
  }
}
