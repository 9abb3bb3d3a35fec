package dev.zimclient.client.internal.call;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.event.ZimAttemptResult;
import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimCallResult;
import dev.zimclient.client.event.ZimEventListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the listeners of one call what happens to it. A listener's exception is logged and never
 * reaches the call; {@code callEnd} is told once, whichever path ends the call first.
 */
final class CallEvents {
  private static final Logger log = LoggerFactory.getLogger(CallEvents.class);

  /** For clients without listeners: every event is a no-op. */
  static final CallEvents NONE = new CallEvents(null, List.of());

  private final ZimCall call;
  private final ZimEventListener[] listeners;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();
  /** Written by one attempt at a time; volatile because attempts of async calls change threads. */
  private volatile int attempts;
  private volatile Integer lastCode;

  CallEvents(ZimCall call, List<ZimEventListener> listeners) {
    this.call = call;
    this.listeners = listeners.toArray(new ZimEventListener[0]);
  }

  void callStart() {
    tell(listener -> listener.callStart(call));
  }

  void attemptStart(int attempt) {
    attempts = attempt;
    tell(listener -> listener.attemptStart(call, attempt));
  }

  void permitWaitEnd(int attempt, long waitStartNanos, boolean granted) {
    if (listeners.length > 0) {
      Duration waited = Duration.ofNanos(System.nanoTime() - waitStartNanos);
      tell(listener -> listener.permitWaitEnd(call, attempt, waited, granted));
    }
  }

  /** The attempt got no permit, or was interrupted waiting for one: nothing was sent. */
  void attemptNotSent(int attempt, RuntimeException failure) {
    if (listeners.length > 0) {
      attemptEnd(ZimAttemptResult.builder().attempt(attempt).failure(failure).build());
    }
  }

  /** The request went out and failed without an answer. */
  void attemptFailed(int attempt, long sentNanos, RuntimeException failure) {
    if (listeners.length > 0) {
      attemptEnd(ZimAttemptResult.builder().attempt(attempt).sent(since(sentNanos)).failure(failure).build());
    }
  }

  /**
   * An answer arrived: a success ({@code failure} null, with its code and RequestId), or what it
   * was read as; a {@link ZimApiException} carries its own code and RequestId.
   */
  void attemptAnswered(int attempt, long sentNanos, int httpStatus, Integer code, String requestId,
      RuntimeException failure) {
    if (listeners.length == 0) {
      return;
    }
    ZimApiException api = apiFailure(failure);
    attemptEnd(ZimAttemptResult.builder()
        .attempt(attempt)
        .sent(since(sentNanos))
        .httpStatus(httpStatus)
        .zimCode(api != null ? Integer.valueOf(api.code()) : code)
        .requestId(api != null ? api.requestId() : requestId)
        .failure(failure)
        .build());
  }

  /** Tells {@code callEnd} unless the call already ended; {@code failure} null for success. */
  void callEnd(Throwable failure) {
    if (listeners.length == 0 || !ended.compareAndSet(false, true)) {
      return;
    }
    ZimApiException api = apiFailure(failure);
    ZimCallResult result = ZimCallResult.builder()
        .duration(since(startNanos))
        .attempts(attempts)
        .zimCode(api != null ? Integer.valueOf(api.code()) : failure == null ? lastCode : null)
        .failure(failure)
        .build();
    tell(listener -> listener.callEnd(call, result));
  }

  private void attemptEnd(ZimAttemptResult result) {
    lastCode = result.zimCode().isPresent() ? result.zimCode().getAsInt() : null;
    tell(listener -> listener.attemptEnd(call, result));
  }

  /** The answer behind a failure: itself, or the answer of an outcome-unknown call. */
  private static ZimApiException apiFailure(Throwable failure) {
    if (failure instanceof ZimApiException api) {
      return api;
    }
    return failure != null && failure.getCause() instanceof ZimApiException api ? api : null;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private void tell(Consumer<ZimEventListener> event) {
    for (ZimEventListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        log.warn("Event listener {} failed on {}", listener.getClass().getName(), call.action(), e);
      }
    }
  }
}
