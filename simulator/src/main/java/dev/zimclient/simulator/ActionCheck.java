package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.SpecCatalog;
import java.util.Optional;

/** {@code Action} present (100000006) and declared by the spec (100000007). */
final class ActionCheck implements Check {

  private final SpecCatalog spec;
  private final GatewayCodes codes;
  private final Messages messages;

  ActionCheck(SpecCatalog spec, GatewayCodes codes, Messages messages) {
    this.spec = spec;
    this.codes = codes;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    Optional<String> name = call.query.nonEmpty(PublicParams.ACTION);
    if (name.isEmpty()) {
      return Optional.of(messages.reject(codes.actionEmpty()));
    }
    Optional<ActionSpec> action = spec.action(name.get());
    if (action.isEmpty()) {
      return Optional.of(messages.reject(codes.actionUnsupported(), name.get()));
    }
    call.action = action.get();
    return Optional.empty();
  }
}
