package dev.zimclient.cli;

import dev.zimclient.generated.ZimParam;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One option of an action's command: a query parameter ({@code argIndex} its position in the
 * method) or a top-level field of the JSON body ({@code field} its record component).
 */
record ParamModel(ZimParam spec, Type type, int argIndex, RecordComponent field) {

  /** How the command line gives the value. */
  enum Kind {
    /** One string, number or boolean. */
    SCALAR,
    /** A repeated option, one item each. */
    LIST,
    /** JSON text: an object or an array of objects. */
    JSON
  }

  String wireName() {
    return spec.name();
  }

  String optionName() {
    return Kebab.option(spec.name());
  }

  boolean required() {
    return spec.required();
  }

  boolean inBody() {
    return field != null;
  }

  /** This parameter's value among the arguments of the action's method. */
  Object valueIn(Object[] args, int bodyIndex) {
    if (!inBody()) {
      return args[argIndex];
    }
    try {
      return args[bodyIndex] == null ? null : field.getAccessor().invoke(args[bodyIndex]);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  Kind kind() {
    if (type instanceof ParameterizedType list) {
      return isPlain(list.getActualTypeArguments()[0]) ? Kind.LIST : Kind.JSON;
    }
    return isPlain(type) ? Kind.SCALAR : Kind.JSON;
  }

  /** The type picocli converts one command-line value to. */
  Class<?> valueType() {
    return switch (kind()) {
      case SCALAR -> (Class<?>) type;
      case LIST -> (Class<?>) ((ParameterizedType) type).getActualTypeArguments()[0];
      case JSON -> String.class;
    };
  }

  /** A text value that can be a key of a bulk run. */
  boolean isText() {
    return type == String.class;
  }

  /** The help line: the spec's description, then its limits. */
  String help() {
    List<String> parts = new ArrayList<>();
    if (required()) {
      parts.add("(required)");
    }
    if (!spec.description().isEmpty()) {
      parts.add(spec.description());
    }
    parts.add(limits());
    if (kind() == Kind.LIST) {
      parts.add("Repeat for more items.");
    } else if (kind() == Kind.JSON) {
      parts.add("JSON text.");
    }
    return String.join(" ", parts).replace("  ", " ").strip();
  }

  private String limits() {
    List<String> limits = new ArrayList<>();
    range("items", spec.minItems(), spec.maxItems(), limits);
    range("bytes", spec.minLength(), spec.maxLength(), limits);
    range("bytes each", spec.itemMinLength(), spec.itemMaxLength(), limits);
    if (!spec.minimum().isEmpty() || !spec.maximum().isEmpty()) {
      limits.add((spec.minimum().isEmpty() ? "..." : spec.minimum()) + ".." + (spec.maximum().isEmpty() ? "" : spec.maximum()));
    }
    if (spec.allowed().length > 0) {
      limits.add("one of " + String.join(", ", spec.allowed()));
    }
    if (spec.itemAllowed().length > 0) {
      limits.add("each one of " + String.join(", ", spec.itemAllowed()));
    }
    if (!spec.pattern().isEmpty()) {
      limits.add("matching " + spec.pattern());
    }
    if (!spec.itemPattern().isEmpty()) {
      limits.add("each matching " + spec.itemPattern());
    }
    return limits.isEmpty() ? "" : "Limits: " + String.join("; ", limits) + ".";
  }

  private static void range(String unit, int min, int max, List<String> limits) {
    if (min >= 0 || max >= 0) {
      limits.add((min >= 0 ? min : 0) + ".." + (max >= 0 ? max : "") + " " + unit);
    }
  }

  private static boolean isPlain(Type type) {
    return type == String.class || type == Integer.class || type == Long.class || type == Boolean.class;
  }
}
