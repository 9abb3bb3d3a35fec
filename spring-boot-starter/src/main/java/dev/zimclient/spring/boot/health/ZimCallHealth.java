package dev.zimclient.spring.boot.health;

import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimCallResult;
import dev.zimclient.client.event.ZimEventListener;
import dev.zimclient.client.event.ZimOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Follows how the client's calls end, for the health indicators of Spring Boot 3.5 and 4.0: a
 * listener of every call that keeps the run of consecutive failures, the failures of a recent
 * window and the last failure. Thread-safe.
 *
 * <p>A failure counts when it says the service or this client's set-up is not working: no usable
 * answer (transport, protocol, deadline, unknown outcome) or an authentication, configuration or
 * server error. Business answers (not found, conflict, invalid argument, ...) mean the service
 * works, and reset the run like a success.
 */
public final class ZimCallHealth implements ZimEventListener {
  private static final Set<ZimOutcome> NO_ANSWER = Set.of(ZimOutcome.TRANSPORT_ERROR, ZimOutcome.PROTOCOL_ERROR,
      ZimOutcome.DEADLINE_EXCEEDED, ZimOutcome.OUTCOME_UNKNOWN);
  private static final Set<String> SET_UP_OR_SERVICE = Set.of("authentication", "configuration", "server-error");

  private final int failureThreshold;
  private final Duration window;
  private final Clock clock;
  private final Supplier<Duration> clockOffset;
  private final Deque<Instant> recentFailures = new ArrayDeque<>();
  private int consecutiveFailures;
  private Map<String, Object> lastFailure;

  /**
   * @param clockOffset the client's {@code clockOffset()}, reported as a detail
   */
  public ZimCallHealth(int failureThreshold, Duration window, Clock clock, Supplier<Duration> clockOffset) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1: " + failureThreshold);
    }
    this.failureThreshold = failureThreshold;
    this.window = window;
    this.clock = clock;
    this.clockOffset = clockOffset;
  }

  @Override
  public void callEnd(ZimCall call, ZimCallResult result) {
    boolean failed = NO_ANSWER.contains(result.outcome())
        || result.outcome() == ZimOutcome.API_ERROR && SET_UP_OR_SERVICE.contains(result.codeClass());
    synchronized (this) {
      if (!failed) {
        consecutiveFailures = 0;
        return;
      }
      Instant now = clock.instant();
      consecutiveFailures++;
      recentFailures.addLast(now);
      forgetBefore(now.minus(window));
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("action", call.action());
      failure.put("outcome", result.outcome().id());
      failure.put("codeClass", result.codeClass());
      result.zimCode().ifPresent(code -> failure.put("code", code));
      failure.put("at", now.toString());
      lastFailure = failure;
    }
  }

  /** Whether the client is up, and the details to show. */
  public synchronized Snapshot snapshot() {
    forgetBefore(clock.instant().minus(window));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("clockOffsetMillis", clockOffset.get().toMillis());
    details.put("consecutiveFailures", consecutiveFailures);
    details.put("recentFailures", recentFailures.size());
    details.put("recentWindow", window.toString());
    if (lastFailure != null) {
      details.put("lastFailure", Collections.unmodifiableMap(new LinkedHashMap<>(lastFailure)));
    }
    return new Snapshot(consecutiveFailures < failureThreshold, Collections.unmodifiableMap(details));
  }

  private void forgetBefore(Instant start) {
    while (!recentFailures.isEmpty() && recentFailures.peekFirst().isBefore(start)) {
      recentFailures.removeFirst();
    }
  }

  /** The state at one moment: up or down, and details free of secrets. */
  public record Snapshot(boolean up, Map<String, Object> details) {}
}
