package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.ParamLocation;
import dev.zimclient.simulator.spec.ParamSpec;
import dev.zimclient.simulator.spec.ParamViolation;
import dev.zimclient.simulator.spec.SchemaValidator;
import java.util.Map;
import java.util.Optional;

/**
 * The request against the action's spec: the HTTP method and a JSON object body for POST actions
 * (the gateway's concern, code 2), then each declared parameter in order (required, type,
 * lengths, pattern, enumeration, range, items, nested fields), answered with the code the action
 * documents for the broken constraint ({@link ParameterErrorCodes}) and a message naming it.
 */
final class BusinessParamCheck implements Check {

  private final GatewayCodes codes;
  private final Messages messages;
  private final Map<String, ParameterErrorCodes> actionCodes;

  BusinessParamCheck(GatewayCodes codes, Messages messages, Map<String, ParameterErrorCodes> actionCodes) {
    this.codes = codes;
    this.messages = messages;
    this.actionCodes = Map.copyOf(actionCodes);
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    ActionSpec action = call.action;
    if (!action.method().equals(call.method)) {
      return gatewayInvalid(action.name() + " must be sent with " + action.method());
    }
    Map<String, Object> body = Map.of();
    if (action.hasBody()) {
      Optional<Map<String, Object>> fields = call.bodyFields();
      if (fields.isEmpty()) {
        return gatewayInvalid(call.bodyError());
      }
      body = fields.get();
    }
    for (ParamSpec param : action.params()) {
      Optional<ParamViolation> problem;
      if (param.location() == ParamLocation.QUERY) {
        if (call.query.malformed().contains(param.baseName())) {
          return gatewayInvalid(param.name() + " is not valid percent-encoded UTF-8");
        }
        problem = SchemaValidator.checkQuery(param, call.query.values(param.baseName()));
      } else {
        problem = SchemaValidator.checkJson(param, body.containsKey(param.name()), body.get(param.name()));
      }
      if (problem.isPresent()) {
        int code = actionCodes.get(action.name()).codeFor(problem.get());
        return Optional.of(messages.reject(code, problem.get().message()));
      }
    }
    return Optional.empty();
  }

  private Optional<Outcome> gatewayInvalid(String detail) {
    return Optional.of(messages.reject(codes.invalidParameter(), detail));
  }
}
