package dev.zimclient.client.callback;

import dev.zimclient.generated.ZimParam;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a field the spec marks {@code required} that a callback body left out, in the record and
 * in the records it holds. Only presence is checked: the spec puts no other limits on callbacks.
 */
final class RequiredFields {
  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  private record Field(String name, boolean required, Method accessor) {}

  private RequiredFields() {}

  /** The path of the first missing required field ({@code attributes[1].key}), or null. */
  static String firstMissing(Record record) {
    return firstMissing("", record);
  }

  private static String firstMissing(String prefix, Record record) {
    for (Field field : fields(record.getClass())) {
      String path = prefix + field.name();
      Object value = read(field.accessor(), record);
      if (value == null || value instanceof CharSequence text && text.length() == 0) {
        if (field.required()) {
          return path;
        }
      } else if (value instanceof Record nested) {
        String missing = firstMissing(path + ".", nested);
        if (missing != null) {
          return missing;
        }
      } else if (value instanceof Collection<?> items) {
        int index = 0;
        for (Object item : items) {
          String missing = item instanceof Record nested ? firstMissing(path + "[" + index + "].", nested) : null;
          if (missing != null) {
            return missing;
          }
          index++;
        }
      }
    }
    return null;
  }

  private static List<Field> fields(Class<?> type) {
    return FIELDS.computeIfAbsent(type, t -> {
      List<Field> fields = new ArrayList<>();
      for (RecordComponent component : t.getRecordComponents()) {
        ZimParam param = component.getAnnotation(ZimParam.class);
        if (param != null) {
          fields.add(new Field(param.name(), param.required(), component.getAccessor()));
        }
      }
      return List.copyOf(fields);
    });
  }

  private static Object read(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }
}
