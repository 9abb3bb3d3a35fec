package dev.zimclient.cli;

import dev.zimclient.generated.ZimAction;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One action as its generated interface declares it: the blocking method and its async twin, the
 * method that follows its cursor when it pages, and its options.
 *
 * @param items the generated {@code ...Items} method, or null when the action does not page
 * @param bodyIndex the position of the JSON body among the method's arguments, or -1
 */
record ActionModel(Class<?> api, Method blocking, Method async, Method items, List<ParamModel> params, int bodyIndex) {
  /**
   * The operator of an action: the same for every item of a bulk run, so never its key when the
   * action requires another text parameter.
   */
  static final String OPERATOR = "FromUserId";

  String action() {
    return blocking.getAnnotation(ZimAction.class).value();
  }

  String commandName() {
    return Kebab.of(action());
  }

  String summary() {
    return blocking.getAnnotation(ZimAction.class).summary();
  }

  boolean idempotent() {
    return blocking.getAnnotation(ZimAction.class).idempotent();
  }

  boolean hasBody() {
    return bodyIndex >= 0;
  }

  Class<?> bodyType() {
    return hasBody() ? blocking.getParameterTypes()[bodyIndex] : null;
  }

  boolean pages() {
    return items != null;
  }

  /**
   * The parameter a bulk run takes from a file or the arguments, one value per item: the one
   * required text parameter, or among several the one that is not the operator.
   */
  Optional<ParamModel> key() {
    List<ParamModel> text = params.stream().filter(p -> p.required() && p.isText()).toList();
    if (text.size() > 1) {
      text = text.stream().filter(p -> !p.wireName().equals(OPERATOR)).toList();
    }
    return text.size() == 1 ? Optional.of(text.get(0)) : Optional.empty();
  }

  /** The query parameters that carry the cursor, which {@code --all} sets itself. */
  Set<String> cursorParams() {
    if (items == null || hasBody()) {
      return Set.of();
    }
    Set<String> kept = Arrays.stream(items.getParameters()).map(Parameter::getName).collect(Collectors.toSet());
    Parameter[] all = blocking.getParameters();
    return params.stream().filter(p -> !kept.contains(all[p.argIndex()].getName()))
        .map(ParamModel::wireName).collect(Collectors.toSet());
  }
}
