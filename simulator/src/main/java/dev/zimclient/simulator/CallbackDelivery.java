package dev.zimclient.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt at delivering a callback, as the simulator's callback journal keeps it.
 *
 * @param sentAt when the attempt started, by the simulator clock
 * @param event the event name, e.g. {@code room_destroy}
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 * @param status the receiver's HTTP status, or 0 when it gave none (refused, timed out, reset)
 * @param failure why there was no status, or null
 * @param body the JSON body sent, signature included (it does not reveal the secret)
 * @param nextAttemptIn the pause before the next attempt, or null when this was the last
 */
public record CallbackDelivery(
    Instant sentAt, String event, int attempt, int status, String failure, String body, Duration nextAttemptIn) {

  /** Whether the receiver answered with a 2xx status, which ends the delivery. */
  public boolean delivered() {
    return status >= 200 && status < 300;
  }

  /** The pause before the next attempt, when there is one. */
  public Optional<Duration> retry() {
    return Optional.ofNullable(nextAttemptIn);
  }
}
