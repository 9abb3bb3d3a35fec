package dev.zimclient.cli;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the values of a command line into the arguments of the action's generated method: query
 * parameters in their places, body fields into the request record (read by its Moshi adapter from
 * the {@code --body} object with the field options laid over it).
 */
final class RequestFactory {
  private final ActionModel action;
  private final Map<String, String> body;

  /**
   * @param body the members of {@code --body}, each as JSON text; empty when not given
   */
  RequestFactory(ActionModel action, Map<String, String> body) {
    this.action = action;
    this.body = body;
  }

  /**
   * The method's arguments.
   *
   * @param values the options given, by wire name: a string, number, boolean, list, or for an
   *     object field its JSON text
   */
  Object[] args(Map<String, Object> values) {
    missing(values).stream().findFirst().ifPresent(p -> {
      throw new ConfigurationException("missing " + p.optionName() + " (" + p.wireName() + ", required)"
          + (action.hasBody() ? ", or give it in --body" : ""));
    });
    Object[] args = new Object[action.blocking().getParameterCount()];
    Map<String, String> members = new LinkedHashMap<>(body);
    for (ParamModel param : action.params()) {
      Object value = values.get(param.wireName());
      if (value == null) {
        continue;
      }
      if (!param.inBody()) {
        args[param.argIndex()] = value;
      } else {
        members.put(param.wireName(), param.kind() == ParamModel.Kind.JSON ? (String) value : Json.value(value));
      }
    }
    if (action.hasBody()) {
      args[action.bodyIndex()] = Json.read(action.bodyType(), Json.object(members), "the JSON body");
    }
    return args;
  }

  /** The required parameters that neither an option nor the body gives. */
  List<ParamModel> missing(Map<String, Object> values) {
    List<ParamModel> missing = new ArrayList<>();
    for (ParamModel param : action.params()) {
      if (param.required() && values.get(param.wireName()) == null && !body.containsKey(param.wireName())) {
        missing.add(param);
      }
    }
    return missing;
  }

  /** The arguments of the method that follows the cursor: the same, less the cursor. */
  Object[] pagingArgs(Object[] args) {
    Set<String> cursor = action.cursorParams();
    Parameter[] params = action.blocking().getParameters();
    List<Object> kept = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      int index = i;
      boolean isCursor = action.params().stream()
          .anyMatch(p -> p.argIndex() == index && cursor.contains(p.wireName()));
      if (!isCursor) {
        kept.add(args[i]);
      }
    }
    return kept.toArray();
  }
}
