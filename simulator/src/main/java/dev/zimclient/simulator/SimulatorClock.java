package dev.zimclient.simulator;

import java.time.Clock;
import java.time.Instant;

/** The simulator's idea of now: a base clock (the system's unless a test gives one) + the offset knob. */
final class SimulatorClock {

  private final Clock base;
  private final FaultKnobs knobs;

  SimulatorClock(Clock base, FaultKnobs knobs) {
    this.base = base;
    this.knobs = knobs;
  }

  Instant now() {
    return base.instant().plus(knobs.settings().clockOffset());
  }
}
