package dev.zimclient.client.reliability;

import dev.zimclient.generated.model.DestroyRoomResponse;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of every generated model record and of its builder, made reflectively so that
 * records the spec gains later are covered without a new scenario.
 */
final class GeneratedModels {
  private GeneratedModels() {}

  static List<Object> sampleInstances() throws Exception {
    List<Object> instances = new ArrayList<>();
    for (Class<?> type : PublicTypes.concreteClassesBeside(DestroyRoomResponse.class)) {
      if (!type.isRecord()) {
        continue;
      }
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = defaultValue(types[i]);
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      Object record = canonical.newInstance(values);
      instances.add(record);
      for (Method method : type.getMethods()) {
        if (method.getName().equals("toBuilder") && method.getParameterCount() == 0
            && !Modifier.isStatic(method.getModifiers())) {
          instances.add(method.invoke(record));
        }
      }
    }
    return instances;
  }

  private static Object defaultValue(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == float.class) {
      return 0.0f;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }
}
