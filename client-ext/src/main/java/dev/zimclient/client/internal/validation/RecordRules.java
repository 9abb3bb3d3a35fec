package dev.zimclient.client.internal.validation;

import dev.zimclient.generated.ZimParam;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The rules of a generated record's components, read once per record type. */
final class RecordRules {
  private static final ConcurrentHashMap<Class<?>, RecordRules> CACHE = new ConcurrentHashMap<>();

  private final List<ParameterRule> rules = new ArrayList<>();
  private final List<Method> accessors = new ArrayList<>();

  private RecordRules(Class<?> type) {
    for (RecordComponent component : type.getRecordComponents()) {
      ZimParam param = component.getAnnotation(ZimParam.class);
      if (param != null) {
        rules.add(new ParameterRule(param));
        accessors.add(component.getAccessor());
      }
    }
  }

  static RecordRules of(Class<?> type) {
    return CACHE.computeIfAbsent(type, RecordRules::new);
  }

  void check(String path, Record record) {
    for (int i = 0; i < rules.size(); i++) {
      ParameterRule rule = rules.get(i);
      // A request body has no name of its own: its components are named from the root.
      String componentPath = path.isEmpty() ? rule.name() : path + "." + rule.name();
      rule.check(componentPath, read(accessors.get(i), record));
    }
  }

  private static Object read(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }
}
