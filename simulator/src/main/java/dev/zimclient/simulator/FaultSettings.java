package dev.zimclient.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The injected faults in force: latency added before each answer (uniform in
 * {@code [latencyMin, latencyMax]}), the probability of answering code 1 (server busy) instead
 * of serving a valid request, and the offset of the simulator's clock from the system clock.
 * Immutable; change them through {@link FaultKnobs}.
 */
public record FaultSettings(
    Duration latencyMin, Duration latencyMax, double busyProbability, Duration clockOffset) {

  private static final FaultSettings NONE =
      new FaultSettings(Duration.ZERO, Duration.ZERO, 0.0, Duration.ZERO);

  public FaultSettings {
    Objects.requireNonNull(latencyMin, "latencyMin");
    Objects.requireNonNull(latencyMax, "latencyMax");
    Objects.requireNonNull(clockOffset, "clockOffset");
    if (latencyMin.isNegative() || latencyMax.compareTo(latencyMin) < 0) {
      throw new IllegalArgumentException(
          "latency range must satisfy 0 <= min <= max: " + latencyMin + ".." + latencyMax);
    }
    if (!(busyProbability >= 0.0 && busyProbability <= 1.0)) {
      throw new IllegalArgumentException("busyProbability must be in [0, 1]: " + busyProbability);
    }
  }

  /** No latency, never busy, no clock offset. */
  public static FaultSettings none() {
    return NONE;
  }

  /** The same settings with a fixed added latency. */
  public FaultSettings withLatency(Duration latency) {
    return withLatency(latency, latency);
  }

  /** The same settings with an added latency drawn uniformly from {@code [min, max]}. */
  public FaultSettings withLatency(Duration min, Duration max) {
    return new FaultSettings(min, max, busyProbability, clockOffset);
  }

  /** The same settings answering code 1 with probability {@code probability}. */
  public FaultSettings withBusyProbability(double probability) {
    return new FaultSettings(latencyMin, latencyMax, probability, clockOffset);
  }

  /** The same settings with the simulator clock at system clock + {@code offset}. */
  public FaultSettings withClockOffset(Duration offset) {
    return new FaultSettings(latencyMin, latencyMax, busyProbability, offset);
  }
}
