package dev.zimclient.simulator;

import java.util.Optional;

/** The busy knob: answers code 1 to a share of valid requests, before they change any state. */
final class BusyCheck implements Check {

  private final FaultKnobs knobs;
  private final GatewayCodes codes;
  private final Messages messages;

  BusyCheck(FaultKnobs knobs, GatewayCodes codes, Messages messages) {
    this.knobs = knobs;
    this.codes = codes;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    if (FaultKnobs.drawBusy(knobs.settings())) {
      return Optional.of(messages.reject(codes.serverBusy()));
    }
    return Optional.empty();
  }
}
