package dev.zimclient.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The fault settings of a running simulator, changeable from any thread at any time; each
 * request reads one consistent {@link FaultSettings} snapshot.
 */
public final class FaultKnobs {

  private final FaultSettings initial;
  private final AtomicReference<FaultSettings> current;

  FaultKnobs(FaultSettings initial) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.current = new AtomicReference<>(initial);
  }

  /** The settings in force now. */
  public FaultSettings settings() {
    return current.get();
  }

  /** Replaces every setting at once. */
  public FaultKnobs set(FaultSettings settings) {
    current.set(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /** Adds a fixed latency before each answer; {@link Duration#ZERO} removes it. */
  public FaultKnobs latency(Duration latency) {
    return update(s -> s.withLatency(latency));
  }

  /** Adds a latency drawn uniformly from {@code [min, max]} before each answer. */
  public FaultKnobs latency(Duration min, Duration max) {
    return update(s -> s.withLatency(min, max));
  }

  /** Answers code 1 (server busy) to this share of otherwise valid requests. */
  public FaultKnobs busyProbability(double probability) {
    return update(s -> s.withBusyProbability(probability));
  }

  /** Sets the simulator clock to system clock + {@code offset} (negative: behind). */
  public FaultKnobs clockOffset(Duration offset) {
    return update(s -> s.withClockOffset(offset));
  }

  /** Back to the settings the simulator was built with. */
  public FaultKnobs reset() {
    current.set(initial);
    return this;
  }

  private FaultKnobs update(UnaryOperator<FaultSettings> change) {
    current.updateAndGet(change);
    return this;
  }

  /** A latency sample from {@code settings}, in nanoseconds. */
  static long sampleLatencyNanos(FaultSettings settings) {
    long min = settings.latencyMin().toNanos();
    long max = settings.latencyMax().toNanos();
    return min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
  }

  /** Whether this request should be answered "server busy". */
  static boolean drawBusy(FaultSettings settings) {
    double p = settings.busyProbability();
    return p > 0.0 && (p >= 1.0 || ThreadLocalRandom.current().nextDouble() < p);
  }
}
