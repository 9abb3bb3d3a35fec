package dev.zimclient.simulator;

import static dev.zimclient.simulator.RawSpec.list;
import static dev.zimclient.simulator.RawSpec.map;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Requests built from the raw spec: a valid one for every action (a POST's documented request
 * example; a GET's required query parameters made from their schemas), and, from it, one broken
 * request per constraint the schemas declare, each naming where it breaks.
 */
final class SpecRequests {

  /** A request to send: repeated query keys keep their order; a GET has no body. */
  record Request(String action, String method, Map<String, List<String>> query, Map<String, Object> body) {}

  /** A request that breaks one constraint, and the parameter or field path the answer must name. */
  record Broken(String what, Request request, String path) {
    @Override
    public String toString() {
      return request.action() + ": " + what;
    }
  }

  private final RawSpec spec;

  SpecRequests(RawSpec spec) {
    this.spec = spec;
  }

  /** A request every schema allows. */
  Request valid(RawSpec.Operation op) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Map<String, Object> param : op.queryParameters()) {
      if (Boolean.TRUE.equals(param.get("required"))) {
        query.put(param.get("name").toString(), queryValues(spec.resolve(param.get("schema"))));
      }
    }
    Map<String, Object> body = op.bodyExample() == null ? null : deepCopy(op.bodyExample());
    return new Request(op.action(), op.method(), query, body);
  }

  /** One broken request per declared constraint. */
  List<Broken> broken(RawSpec.Operation op) {
    Request base = valid(op);
    List<Broken> broken = new ArrayList<>();
    for (Map<String, Object> param : op.queryParameters()) {
      brokenQuery(base, param, broken);
    }
    if (base.body() != null) {
      Map<String, Object> schema = spec.resolve(op.bodySchema());
      objectMutations(base, schema, base.body(), "", List.of(), broken);
    }
    return broken;
  }

  // --- query -------------------------------------------------------------------------------

  private void brokenQuery(Request base, Map<String, Object> param, List<Broken> out) {
    String name = param.get("name").toString();
    Map<String, Object> schema = spec.resolve(param.get("schema"));
    if (Boolean.TRUE.equals(param.get("required"))) {
      out.add(new Broken("without " + name, withQuery(base, name, null), name));
    }
    if ("array".equals(schema.get("type"))) {
      Map<String, Object> items = spec.resolve(schema.get("items"));
      if (schema.get("maxItems") != null) {
        int max = ((Number) schema.get("maxItems")).intValue();
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
          many.add(scalarText(items));
        }
        out.add(new Broken(name + " with " + (max + 1) + " items", withQuery(base, name, many), name));
      }
      String base0 = name.substring(0, name.length() - 2) + "[0]";
      for (Object bad : badScalars(items, true)) {
        out.add(new Broken(base0 + " = " + bad, withQuery(base, name, List.of(bad.toString())), base0));
      }
    } else {
      for (Object bad : badScalars(schema, true)) {
        out.add(new Broken(name + " = " + bad, withQuery(base, name, List.of(bad.toString())), name));
      }
    }
  }

  private static Request withQuery(Request base, String name, List<String> values) {
    Map<String, List<String>> query = new LinkedHashMap<>(base.query());
    if (values == null) {
      query.remove(name);
    } else {
      query.put(name, values);
    }
    return new Request(base.action(), base.method(), query, base.body());
  }

  // --- body --------------------------------------------------------------------------------

  /** Mutations of {@code value} (an object at {@code path}) against {@code schema}. */
  private void objectMutations(
      Request base, Map<String, Object> schema, Map<String, Object> value, String path, List<Object> at, List<Broken> out) {
    List<Object> required = list(schema.get("required"));
    Map<String, Object> properties = map(schema.get("properties"));
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      String name = property.getKey();
      String childPath = path.isEmpty() ? name : path + "." + name;
      List<Object> childAt = append(at, name);
      Map<String, Object> childSchema = spec.resolve(property.getValue());
      if (value.containsKey(name)) {
        if (required.contains(name)) {
          out.add(new Broken("without " + childPath, edit(base, b -> remove(b, childAt)), childPath));
        }
        valueMutations(base, childSchema, value.get(name), childPath, childAt, out);
      } else {
        // An optional field the example leaves out is checked when present: add a valid one first.
        Object filled = validValue(childSchema);
        Request withIt = edit(base, b -> set(b, childAt, filled));
        valueMutations(withIt, childSchema, filled, childPath, childAt, out);
      }
    }
    if (schema.get("maxProperties") != null) {
      int max = ((Number) schema.get("maxProperties")).intValue();
      Map<String, Object> many = new LinkedHashMap<>();
      for (int i = 0; i <= max; i++) {
        many.put("k" + i, validValue(spec.resolve(schema.get("additionalProperties"))));
      }
      out.add(new Broken(path + " with " + (max + 1) + " entries", edit(base, b -> set(b, at, many)), path));
    }
    // A map's free keys hold values of one schema: break the value of a key added for it.
    if (schema.get("additionalProperties") instanceof Map<?, ?> values && !values.isEmpty()) {
      Map<String, Object> valueSchema = spec.resolve(values);
      Object filled = validValue(valueSchema);
      List<Object> keyAt = append(at, "k");
      valueMutations(edit(base, b -> set(b, keyAt, filled)), valueSchema, filled, path + ".k", keyAt, out);
    }
  }

  private void valueMutations(
      Request base, Map<String, Object> schema, Object value, String path, List<Object> at, List<Broken> out) {
    String type = typeOf(schema);
    Object wrong = "string".equals(type) ? BigInteger.valueOf(7) : "x";
    if (type != null) {
      out.add(new Broken(path + " of the wrong type", edit(base, b -> set(b, at, wrong)), path));
    }
    if ("array".equals(type)) {
      Map<String, Object> items = spec.resolve(schema.get("items"));
      List<Object> current = list(value);
      Object first = current.isEmpty() ? validValue(items) : current.get(0);
      if (schema.get("maxItems") != null) {
        int max = ((Number) schema.get("maxItems")).intValue();
        List<Object> many = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
          many.add(deepCopy(first));
        }
        out.add(new Broken(path + " with " + (max + 1) + " items", edit(base, b -> set(b, at, many)), path));
      }
      if (schema.get("minItems") != null && ((Number) schema.get("minItems")).intValue() > 0) {
        out.add(new Broken(path + " empty", edit(base, b -> set(b, at, new ArrayList<>())), path));
      }
      Request withFirst = current.isEmpty() ? edit(base, b -> set(b, at, new ArrayList<>(List.of(deepCopy(first))))) : base;
      valueMutations(withFirst, items, first, path + "[0]", append(at, 0), out);
    } else if ("object".equals(type)) {
      objectMutations(base, schema, map(value), path, at, out);
    } else {
      for (Object bad : badScalars(schema, false)) {
        out.add(new Broken(path + " = " + bad, edit(base, b -> set(b, at, bad)), path));
      }
    }
  }

  // --- values ------------------------------------------------------------------------------

  /** Values of the right type that break the schema's other constraints. */
  private static List<Object> badScalars(Map<String, Object> schema, boolean inQuery) {
    List<Object> bad = new ArrayList<>();
    String type = typeOf(schema);
    if (inQuery && ("integer".equals(type) || "boolean".equals(type) || "number".equals(type))) {
      bad.add("x");
    }
    if (schema.get("enum") != null) {
      List<Object> allowed = list(schema.get("enum"));
      bad.add("integer".equals(type)
          ? BigInteger.valueOf(allowed.stream().mapToLong(v -> ((Number) v).longValue()).max().orElse(0) + 1)
          : "not-in-the-enum");
    }
    if ("string".equals(type)) {
      if (schema.get("maxLength") != null) {
        bad.add("a".repeat(((Number) schema.get("maxLength")).intValue() + 1));
      }
      if (!inQuery && schema.get("minLength") != null && ((Number) schema.get("minLength")).intValue() > 0) {
        bad.add("");
      }
      if (schema.get("pattern") != null && !matches(schema, "/")) {
        bad.add("/");
      }
    }
    if ("integer".equals(type) || "number".equals(type)) {
      if (schema.get("minimum") != null) {
        bad.add(BigInteger.valueOf(((Number) schema.get("minimum")).longValue() - 1));
      }
      if (schema.get("maximum") != null) {
        bad.add(BigInteger.valueOf(((Number) schema.get("maximum")).longValue() + 1));
      } else if ("int32".equals(schema.get("format"))) {
        bad.add(BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE));
      } else if ("int64".equals(schema.get("format"))) {
        bad.add(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
      }
    }
    return bad;
  }

  private List<String> queryValues(Map<String, Object> schema) {
    if ("array".equals(schema.get("type"))) {
      int count = Math.max(1, schema.get("minItems") == null ? 1 : ((Number) schema.get("minItems")).intValue());
      List<String> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        values.add(scalarText(spec.resolve(schema.get("items"))));
      }
      return values;
    }
    return List.of(scalarText(schema));
  }

  private String scalarText(Map<String, Object> schema) {
    return validValue(schema).toString();
  }

  /** A value the schema allows: the first enum value, the minimum, the shortest string. */
  private Object validValue(Map<String, Object> schema) {
    if (schema.get("enum") != null) {
      return list(schema.get("enum")).get(0);
    }
    String type = typeOf(schema);
    if (type == null) {
      return "a";
    }
    switch (type) {
      case "string": {
        int length = Math.max(1, schema.get("minLength") == null ? 1 : ((Number) schema.get("minLength")).intValue());
        for (String candidate : List.of("a".repeat(length), "@RBT#" + "a".repeat(length))) {
          if (matches(schema, candidate)) {
            return candidate;
          }
        }
        throw new IllegalStateException("no valid value for pattern " + schema.get("pattern"));
      }
      case "integer":
      case "number":
        return schema.get("minimum") != null ? BigInteger.valueOf(((Number) schema.get("minimum")).longValue()) : BigInteger.ZERO;
      case "boolean":
        return Boolean.TRUE;
      case "array": {
        List<Object> items = new ArrayList<>();
        int count = Math.max(1, schema.get("minItems") == null ? 1 : ((Number) schema.get("minItems")).intValue());
        for (int i = 0; i < count; i++) {
          items.add(validValue(spec.resolve(schema.get("items"))));
        }
        return items;
      }
      default: {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Object name : list(schema.get("required"))) {
          object.put(name.toString(), validValue(spec.resolve(map(schema.get("properties")).get(name.toString()))));
        }
        return object;
      }
    }
  }

  private static String typeOf(Map<String, Object> schema) {
    if (schema.get("type") != null) {
      return schema.get("type").toString();
    }
    if (schema.get("properties") != null || schema.get("additionalProperties") != null) {
      return "object";
    }
    return schema.get("items") != null ? "array" : null;
  }

  // JSON Schema searches for the pattern; its final $ is the end of the value.
  private static boolean matches(Map<String, Object> schema, String value) {
    Object pattern = schema.get("pattern");
    if (pattern == null) {
      return true;
    }
    String regex = pattern.toString();
    if (regex.endsWith("$") && !regex.endsWith("\\$")) {
      regex = regex.substring(0, regex.length() - 1) + "\\z";
    }
    return Pattern.compile(regex).matcher(value).find();
  }

  // --- editing a copy of the body ----------------------------------------------------------

  private static Request edit(Request base, Consumer<Map<String, Object>> change) {
    Map<String, Object> body = deepCopy(base.body());
    change.accept(body);
    return new Request(base.action(), base.method(), base.query(), body);
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> body, List<Object> at, Object value) {
    Object parent = navigate(body, at.subList(0, at.size() - 1));
    Object key = at.get(at.size() - 1);
    if (parent instanceof List<?> list) {
      ((List<Object>) list).set((Integer) key, deepCopy(value));
    } else {
      ((Map<String, Object>) parent).put(key.toString(), deepCopy(value));
    }
  }

  @SuppressWarnings("unchecked")
  private static void remove(Map<String, Object> body, List<Object> at) {
    Object parent = navigate(body, at.subList(0, at.size() - 1));
    ((Map<String, Object>) parent).remove(at.get(at.size() - 1).toString());
  }

  private static Object navigate(Object root, List<Object> at) {
    Object current = root;
    for (Object key : at) {
      current = key instanceof Integer i ? list(current).get(i) : map(current).get(key.toString());
    }
    return current;
  }

  private static List<Object> append(List<Object> at, Object key) {
    List<Object> longer = new ArrayList<>(at);
    longer.add(key);
    return longer;
  }

  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(k.toString(), deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(deepCopy(v)));
      return (T) copy;
    }
    return value;
  }
}
