package dev.zimclient.cli;

import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.ZimApis;
import dev.zimclient.generated.ZimParam;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Every action of the generated interfaces, read from their annotations at start. */
final class ActionCatalog {
  private ActionCatalog() {}

  /** The actions, by command name. */
  static List<ActionModel> load() {
    List<ActionModel> actions = new ArrayList<>();
    for (Class<?> api : ZimApis.all()) {
      for (Method method : api.getMethods()) {
        if (method.isAnnotationPresent(ZimAction.class) && !CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
          actions.add(model(api, method));
        }
      }
    }
    actions.sort(Comparator.comparing(ActionModel::commandName));
    return actions;
  }

  private static ActionModel model(Class<?> api, Method blocking) {
    List<ParamModel> params = new ArrayList<>();
    int bodyIndex = -1;
    for (int i = 0; i < blocking.getParameterCount(); i++) {
      ZimParam param = blocking.getParameters()[i].getAnnotation(ZimParam.class);
      if (param == null) {
        throw new IllegalStateException(blocking + " has a parameter without @ZimParam");
      }
      if (param.name().isEmpty()) {
        bodyIndex = i;
        for (RecordComponent field : blocking.getParameterTypes()[i].getRecordComponents()) {
          params.add(new ParamModel(field.getAnnotation(ZimParam.class), field.getGenericType(), -1, field));
        }
      } else {
        params.add(new ParamModel(param, blocking.getGenericParameterTypes()[i], i, null));
      }
    }
    return new ActionModel(api, blocking, twin(api, blocking, "Async"), pagingMethod(api, blocking), List.copyOf(params), bodyIndex);
  }

  private static Method twin(Class<?> api, Method blocking, String suffix) {
    try {
      return api.getMethod(blocking.getName() + suffix, blocking.getParameterTypes());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(blocking + " has no " + suffix + " twin", e);
    }
  }

  /** The generated method that follows the cursor, item by item: it takes every argument but the cursor. */
  private static Method pagingMethod(Class<?> api, Method blocking) {
    return Arrays.stream(api.getMethods())
        .filter(m -> m.isDefault() && m.getName().equals(blocking.getName() + "Items"))
        .findFirst().orElse(null);
  }
}
