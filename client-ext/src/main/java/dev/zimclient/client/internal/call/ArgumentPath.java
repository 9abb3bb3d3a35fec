package dev.zimclient.client.internal.call;

import dev.zimclient.generated.ZimParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Where a call's argument of a given wire name is: a query parameter, or a top-level field of the
 * JSON body record (a POST's {@code GroupId}, say). Limits keyed by a room or group, and limits
 * counted per item, read their argument through it.
 */
final class ArgumentPath {
  private final int index;
  private final Method bodyAccessor;

  private ArgumentPath(int index, Method bodyAccessor) {
    this.index = index;
    this.bodyAccessor = bodyAccessor;
  }

  /** The path of {@code wireName} among the method's arguments, or null when it has none. */
  static ArgumentPath find(Method method, String wireName) {
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof ZimParam param && param.name().equals(wireName)) {
          return new ArgumentPath(i, null);
        }
        if (annotation instanceof ZimParam param && param.name().isEmpty() && method.getParameterTypes()[i].isRecord()) {
          for (RecordComponent component : method.getParameterTypes()[i].getRecordComponents()) {
            ZimParam field = component.getAnnotation(ZimParam.class);
            if (field != null && field.name().equals(wireName)) {
              return new ArgumentPath(i, component.getAccessor());
            }
          }
        }
      }
    }
    return null;
  }

  /** The argument's value in one call; null when absent. */
  Object read(Object[] arguments) {
    Object value = arguments[index];
    if (bodyAccessor == null || value == null) {
      return value;
    }
    try {
      return bodyAccessor.invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + bodyAccessor, e);
    }
  }
}
