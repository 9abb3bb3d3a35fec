package dev.zimclient.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.ZimParam;
import dev.zimclient.generated.api.AudioApi;
import dev.zimclient.generated.api.BotApi;
import dev.zimclient.generated.api.CallApi;
import dev.zimclient.generated.api.CommunityApi;
import dev.zimclient.generated.api.ConversationApi;
import dev.zimclient.generated.api.GroupApi;
import dev.zimclient.generated.api.MessageApi;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.api.UserApi;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import retrofit2.http.Body;

/**
 * Every action's generated methods, found by their {@code @ZimAction}, and arguments for them built
 * from the spec alone: a GET's query parameters from their schemas, a POST's body from the
 * operation's request {@code example}. Tests that run every action take their calls from here, so
 * an action added to the spec is called without a line of Java.
 */
final class SpecCalls {
  /** The generated interfaces, one per tag of the spec. */
  static final List<Class<?>> APIS = List.of(RoomApi.class, UserApi.class, GroupApi.class, MessageApi.class,
      ConversationApi.class, CallApi.class, CommunityApi.class, BotApi.class, AudioApi.class);

  /** The Moshi the client reads and writes with: generated adapters, nothing registered. */
  static final Moshi MOSHI = new Moshi.Builder().build();

  private static final Map<String, ActionMethods> METHODS = index();

  private SpecCalls() {}

  /** An action's two generated methods and the interface that declares them. */
  record ActionMethods(String action, Class<?> api, Method blocking, Method async) {
    /** The record type both methods answer with. */
    Type responseType() {
      return blocking.getGenericReturnType();
    }

    /** Whether the action sends a JSON body rather than query parameters. */
    boolean hasBody() {
      return Arrays.stream(blocking.getParameterAnnotations())
          .anyMatch(annotations -> Arrays.stream(annotations).anyMatch(Body.class::isInstance));
    }
  }

  /** A call whose argument at {@code path} was left out, and the name the client must give it. */
  record Omission(String path, Object[] arguments) {
    @Override
    public String toString() {
      return path;
    }
  }

  /** The methods of an action; fails when the interfaces do not have exactly one pair for it. */
  static ActionMethods methods(String action) {
    ActionMethods methods = METHODS.get(action);
    if (methods == null || methods.blocking() == null || methods.async() == null) {
      throw new AssertionError(action + " has no blocking and Async method pair: " + problems());
    }
    return methods;
  }

  /**
   * What is wrong with the interfaces as a mirror of the spec: an action without exactly one
   * blocking and one {@code Async} method, a method without {@code @ZimAction}, a method of an
   * action the spec does not declare, a twin of another name or signature. Empty when all is well.
   */
  static List<String> problems() {
    List<String> problems = new ArrayList<>();
    Map<String, List<Method>> blocking = new TreeMap<>();
    Map<String, List<Method>> async = new TreeMap<>();
    for (Class<?> api : APIS) {
      for (Method method : api.getDeclaredMethods()) {
        if (!Modifier.isAbstract(method.getModifiers())) {
          continue; // the paging methods and their helpers, written in terms of the action's methods
        }
        ZimAction action = method.getAnnotation(ZimAction.class);
        if (action == null) {
          problems.add(api.getSimpleName() + "." + method.getName() + " has no @ZimAction");
          continue;
        }
        if (!ZimSpec.get().actions().contains(action.value())) {
          problems.add(api.getSimpleName() + "." + method.getName() + " calls " + action.value()
              + ", which the spec does not declare");
        }
        (isAsync(method) ? async : blocking).computeIfAbsent(action.value(), name -> new ArrayList<>()).add(method);
      }
    }
    for (String action : new TreeSet<>(ZimSpec.get().actions())) {
      List<Method> one = blocking.getOrDefault(action, List.of());
      List<Method> twin = async.getOrDefault(action, List.of());
      if (one.size() != 1 || twin.size() != 1) {
        problems.add(action + " has " + one.size() + " blocking and " + twin.size() + " Async methods: "
            + names(one) + " " + names(twin));
        continue;
      }
      Method b = one.get(0);
      Method a = twin.get(0);
      if (!a.getName().equals(b.getName() + "Async")) {
        problems.add(action + ": the twin of " + b.getName() + " is " + a.getName());
      }
      if (a.getDeclaringClass() != b.getDeclaringClass()) {
        problems.add(action + ": " + b.getName() + " and " + a.getName() + " are declared by different interfaces");
      }
      if (!Arrays.equals(a.getGenericParameterTypes(), b.getGenericParameterTypes())) {
        problems.add(action + ": " + b.getName() + " and " + a.getName() + " take different parameters");
      }
      Type future = a.getGenericReturnType();
      if (!(future instanceof ParameterizedType p && p.getActualTypeArguments()[0].equals(b.getGenericReturnType()))) {
        problems.add(action + ": " + a.getName() + " returns " + future + ", not a future of " + b.getGenericReturnType());
      }
    }
    return problems;
  }

  private static List<String> names(List<Method> methods) {
    return methods.stream().map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).toList();
  }

  private static boolean isAsync(Method method) {
    return CompletableFuture.class.isAssignableFrom(method.getReturnType());
  }

  private static Map<String, ActionMethods> index() {
    Map<String, Method[]> pairs = new LinkedHashMap<>();
    Map<String, Class<?>> apis = new LinkedHashMap<>();
    for (Class<?> api : APIS) {
      for (Method method : api.getDeclaredMethods()) {
        ZimAction action = method.getAnnotation(ZimAction.class);
        if (action != null && Modifier.isAbstract(method.getModifiers())) {
          Method[] pair = pairs.computeIfAbsent(action.value(), name -> new Method[2]);
          pair[isAsync(method) ? 1 : 0] = method;
          apis.put(action.value(), api);
        }
      }
    }
    Map<String, ActionMethods> methods = new LinkedHashMap<>();
    pairs.forEach((action, pair) -> methods.put(action, new ActionMethods(action, apis.get(action), pair[0], pair[1])));
    return Map.copyOf(methods);
  }

  /** Calls a generated method; the exception it throws is thrown as it is. */
  static Object invoke(Object api, Method method, Object[] arguments) {
    try {
      return method.invoke(api, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Arguments

  /** Valid arguments of the action's methods, from its parameters' schemas or its request example. */
  static Object[] validArguments(String action) {
    return arguments(action, Map.of());
  }

  /**
   * Valid arguments with the top-level parameter or body field {@code name} set to another value
   * its schema allows, one for each {@code variant}; for limits kept per room or group.
   */
  static Object[] argumentsWithKey(String action, String name, int variant) {
    return arguments(action, Map.of(name, variant));
  }

  private static Object[] arguments(String action, Map<String, Integer> variants) {
    Method method = methods(action).blocking();
    ZimSpec.SpecOperation operation = ZimSpec.get().operation(action);
    Object[] arguments = new Object[method.getParameterCount()];
    Map<String, Parameter> declared = queryParameters(operation);
    Type[] types = method.getGenericParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < arguments.length; i++) {
      if (has(annotations[i], Body.class)) {
        ObjectNode body = requestExample(action);
        variants.forEach((name, variant) -> {
          if (!body.has(name)) {
            throw new AssertionError(action + "'s request example has no " + name);
          }
          Schema<?> schema = property(requestSchema(action), name);
          body.set(name, Json.mapper().valueToTree(value(schema, variant, String.class)));
        });
        arguments[i] = decode(types[i], body);
        continue;
      }
      ZimParam param = annotation(annotations[i], ZimParam.class);
      if (param == null) {
        throw new AssertionError(method + ": parameter " + i + " is neither @Body nor @ZimParam");
      }
      Parameter parameter = declared.get(param.name());
      if (parameter == null) {
        throw new AssertionError(method + ": parameter " + param.name() + " is not a query parameter of "
            + action + " in the spec, which has " + declared.keySet());
      }
      seen.add(param.name());
      if (Boolean.TRUE.equals(parameter.getRequired()) || variants.containsKey(param.name())) {
        arguments[i] = value(parameter.getSchema(), variants.getOrDefault(param.name(), 1), types[i]);
      }
    }
    if (!seen.containsAll(declared.keySet())) {
      throw new AssertionError(method + " takes " + seen + " but the spec declares " + declared.keySet());
    }
    return arguments;
  }

  /**
   * One call per required argument with that argument left out: each required query parameter
   * null; for a body, each required field removed from the request example, nested ones too
   * (a field of an object the example holds, or of the first item of an array of objects), named
   * by their path, e.g. {@code Attributes[0].Key}.
   */
  static List<Omission> omissions(String action) {
    Method method = methods(action).blocking();
    List<Omission> omissions = new ArrayList<>();
    Object[] valid = validArguments(action);
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < valid.length; i++) {
      if (has(annotations[i], Body.class)) {
        ObjectNode example = requestExample(action);
        List<String> paths = new ArrayList<>();
        requiredPaths(requestSchema(action), example, "", paths);
        for (String path : paths) {
          ObjectNode without = example.deepCopy();
          remove(without, path);
          Object[] arguments = valid.clone();
          arguments[i] = decode(method.getGenericParameterTypes()[i], without);
          omissions.add(new Omission(path, arguments));
        }
      } else {
        ZimParam param = annotation(annotations[i], ZimParam.class);
        Parameter parameter = queryParameters(ZimSpec.get().operation(action)).get(param.name());
        if (Boolean.TRUE.equals(parameter.getRequired())) {
          Object[] arguments = valid.clone();
          arguments[i] = null;
          omissions.add(new Omission(param.name(), arguments));
        }
      }
    }
    return omissions;
  }

  /** The argument index of the request body, or -1 for an action of query parameters. */
  static int bodyIndex(String action) {
    Annotation[][] annotations = methods(action).blocking().getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      if (has(annotations[i], Body.class)) {
        return i;
      }
    }
    return -1;
  }

  private static void requiredPaths(Schema<?> schema, JsonNode value, String path, List<String> out) {
    if (schema == null || !value.isObject() || schema.getProperties() == null) {
      return;
    }
    if (schema.getRequired() != null) {
      for (String name : schema.getRequired()) {
        out.add(path.isEmpty() ? name : path + "." + name);
      }
    }
    value.fields().forEachRemaining(field -> {
      Schema<?> property = schema.getProperties().get(field.getKey());
      String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (property == null) {
        return; // a field the record cannot hold: the contract test finds the body sent differs
      }
      if (field.getValue().isObject()) {
        requiredPaths(property, field.getValue(), child, out);
      } else if (field.getValue().isArray() && field.getValue().size() > 0 && property.getItems() != null) {
        requiredPaths(property.getItems(), field.getValue().get(0), child + "[0]", out);
      }
    });
  }

  /** Removes the field at a path such as {@code A[0].B.C}. */
  private static void remove(ObjectNode root, String path) {
    String[] steps = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < steps.length - 1; i++) {
      node = step(node, steps[i]);
    }
    ((ObjectNode) node).remove(steps[steps.length - 1]);
  }

  private static JsonNode step(JsonNode node, String step) {
    int bracket = step.indexOf('[');
    if (bracket < 0) {
      return node.get(step);
    }
    int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
    return node.get(step.substring(0, bracket)).get(index);
  }

  /** The operation's query parameters by name, in the spec's order. */
  static Map<String, Parameter> queryParameters(ZimSpec.SpecOperation operation) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    if (operation.operation().getParameters() != null) {
      for (Parameter parameter : operation.operation().getParameters()) {
        if ("query".equals(parameter.getIn())) {
          parameters.put(parameter.getName(), parameter);
        }
      }
    }
    return parameters;
  }

  /** The JSON media type of the action's request body; fails for an action without one. */
  private static MediaType requestMedia(String action) {
    ZimSpec.SpecOperation operation = ZimSpec.get().operation(action);
    if (operation.operation().getRequestBody() == null) {
      throw new AssertionError(action + " has no request body in the spec");
    }
    MediaType json = operation.operation().getRequestBody().getContent().get("application/json");
    if (json == null) {
      throw new AssertionError(action + "'s request body is not application/json");
    }
    return json;
  }

  static Schema<?> requestSchema(String action) {
    return requestMedia(action).getSchema();
  }

  /** A fresh copy of the action's request {@code example}. */
  static ObjectNode requestExample(String action) {
    Object example = requestMedia(action).getExample();
    if (example == null) {
      throw new AssertionError(action + "'s request body has no example");
    }
    JsonNode tree = Json.mapper().valueToTree(example);
    if (!tree.isObject()) {
      throw new AssertionError(action + "'s request example is not an object: " + tree);
    }
    return ((ObjectNode) tree).deepCopy();
  }

  /** The action's request example as JSON text. */
  static String requestExampleJson(String action) {
    try {
      return Json.mapper().writeValueAsString(requestExample(action));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Schema<?> property(Schema<?> schema, String name) {
    Schema<?> property = schema.getProperties() == null ? null : schema.getProperties().get(name);
    if (property == null) {
      throw new AssertionError("the request schema has no property " + name);
    }
    return property;
  }

  /** Decodes JSON into the argument's record with the client's own Moshi adapter. */
  static Object decode(Type type, JsonNode json) {
    try {
      JsonAdapter<Object> adapter = MOSHI.adapter(type);
      return adapter.fromJson(Json.mapper().writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON text as a tree. */
  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  /** JSON trees equal, numbers compared by value: Moshi writes a double 2 as {@code 2.0}. */
  static final Comparator<JsonNode> SAME_JSON = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals(SAME_JSON, b);
  }

  // ---------------------------------------------------------------------------------------------
  // Values a schema allows

  /**
   * A value of {@code schema} as the Java {@code type} takes it: the first enum value; a string of
   * the allowed length that matches the pattern; a number in range; an array of {@code minItems}
   * (at least one) distinct items. {@code variant} picks among several valid values.
   */
  static Object value(Schema<?> schema, int variant, Type type) {
    Objects.requireNonNull(schema, "schema");
    Class<?> raw = raw(type);
    if (List.class.isAssignableFrom(raw)) {
      Type itemType = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
      Schema<?> items = schema.getItems();
      if (items == null) {
        throw new AssertionError("an array without items: " + schema);
      }
      int count = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
      List<Object> values = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        values.add(value(items, variant * 100 + n, itemType));
      }
      return values;
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return convert(schema.getEnum().get(0), raw);
    }
    String schemaType = schema.getType();
    if ("string".equals(schemaType) || raw == String.class && schemaType == null) {
      return string(schema, variant);
    }
    if ("integer".equals(schemaType) || "number".equals(schemaType)) {
      return convert(number(schema, variant), raw);
    }
    if ("boolean".equals(schemaType)) {
      return Boolean.TRUE;
    }
    throw new AssertionError("no value for a schema of type " + schemaType + " as " + type);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new AssertionError("unexpected parameter type " + type);
  }

  private static Object convert(Object value, Class<?> raw) {
    if (raw == String.class) {
      return String.valueOf(value);
    }
    BigDecimal number = new BigDecimal(String.valueOf(value));
    if (raw == Integer.class || raw == int.class) {
      return number.intValueExact();
    }
    if (raw == Long.class || raw == long.class) {
      return number.longValueExact();
    }
    if (raw == Double.class || raw == double.class) {
      return number.doubleValue();
    }
    if (raw == Float.class || raw == float.class) {
      return number.floatValue();
    }
    if (raw == BigDecimal.class) {
      return number;
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return Boolean.valueOf(String.valueOf(value));
    }
    throw new AssertionError("cannot make a " + raw + " of " + value);
  }

  /** The least value in range (just above an exclusive minimum), else 1 capped by the maximum. */
  private static BigDecimal number(Schema<?> schema, int variant) {
    BigDecimal min = schema.getMinimum();
    BigDecimal max = schema.getMaximum();
    BigDecimal value;
    if (min != null) {
      value = Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? min.add(BigDecimal.ONE) : min;
      BigDecimal varied = value.add(BigDecimal.valueOf(variant - 1));
      if (max == null || varied.compareTo(max) <= 0) {
        value = varied;
      }
    } else {
      value = BigDecimal.valueOf(variant);
      if (max != null && value.compareTo(max) > 0) {
        value = Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? max.subtract(BigDecimal.ONE) : max;
      }
    }
    if (max != null && value.compareTo(max) > 0 || min != null && value.compareTo(min) < 0) {
      throw new AssertionError("no number in [" + min + ", " + max + "]");
    }
    return value;
  }

  /** A string of the allowed length in UTF-8 bytes that the pattern finds, distinct per variant. */
  private static String string(Schema<?> schema, int variant) {
    int min = schema.getMinLength() == null ? 1 : Math.max(1, schema.getMinLength());
    int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
    Pattern pattern = schema.getPattern() == null ? null : Pattern.compile(schema.getPattern());
    List<String> candidates = List.of("v" + variant, "value-" + variant, String.valueOf(variant), "x" + variant + "y");
    for (String candidate : candidates) {
      StringBuilder text = new StringBuilder(candidate);
      while (text.toString().getBytes(StandardCharsets.UTF_8).length < min) {
        text.append('x');
      }
      String value = text.length() > max ? text.substring(text.length() - max) : text.toString();
      if (pattern == null || pattern.matcher(value).find()) {
        return value;
      }
    }
    throw new AssertionError("no string of " + min + ".." + max + " bytes for the pattern " + pattern);
  }

  private static boolean has(Annotation[] annotations, Class<?> type) {
    return Arrays.stream(annotations).anyMatch(type::isInstance);
  }

  private static <A> A annotation(Annotation[] annotations, Class<A> type) {
    return Arrays.stream(annotations).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }
}
