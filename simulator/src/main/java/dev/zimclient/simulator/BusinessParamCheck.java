package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.ParamLocation;
import dev.zimclient.simulator.spec.ParamSpec;
import dev.zimclient.simulator.spec.SchemaValidator;
import java.util.Map;
import java.util.Optional;

/**
 * The request against the action's spec: the HTTP method, a JSON object body for POST actions, then each declared parameter in order (required, type, lengths,
 * pattern, items). Any violation answers code 2 naming the parameter.
 */
final class BusinessParamCheck implements Check {

  private final GatewayCodes codes;
  private final Messages messages;

  BusinessParamCheck(GatewayCodes codes, Messages messages) {
    this.codes = codes;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    ActionSpec action = call.action;
    if (!action.method().equals(call.method)) {
      return invalid(action.name() + " must be sent with " + action.method());
    }
    Map<String, Object> body = Map.of();
    if (action.hasBody()) {
      Optional<Map<String, Object>> fields = call.bodyFields();
      if (fields.isEmpty()) {
        return invalid(call.bodyError());
      }
      body = fields.get();
    }
    for (ParamSpec param : action.params()) {
      Optional<String> problem;
      if (param.location() == ParamLocation.QUERY) {
        if (call.query.malformed().contains(param.baseName())) {
          return invalid(param.name() + " is not valid percent-encoded UTF-8");
        }
        problem = SchemaValidator.checkQuery(param, call.query.values(param.baseName()));
      } else {
        problem =
            SchemaValidator.checkJson(param, body.containsKey(param.name()), body.get(param.name()));
      }
      if (problem.isPresent()) {
        return invalid(problem.get());
      }
    }
    return Optional.empty();
  }

  private Optional<Outcome> invalid(String detail) {
    return Optional.of(messages.reject(codes.invalidParameter(), detail));
  }
}
