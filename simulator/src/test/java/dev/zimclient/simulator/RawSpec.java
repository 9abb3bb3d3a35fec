package dev.zimclient.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec as plain YAML maps, read without the simulator's own reader, so that tests judge the
 * simulator against the document rather than against its reading of it. {@code $ref}s are
 * followed on demand.
 */
final class RawSpec {

  static final RawSpec REAL = new RawSpec("zim/zim-server-api.yaml");

  private final Map<String, Object> root;

  @SuppressWarnings("unchecked")
  private RawSpec(String resource) {
    try (InputStream in = RawSpec.class.getClassLoader().getResourceAsStream(resource)) {
      this.root = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One operation: the action, its method and its operation object. */
  record Operation(String action, String method, Map<String, Object> op) {

    List<Integer> documentedCodes() {
      List<Integer> codes = new ArrayList<>();
      for (Object code : list(op.get("x-zim-return-codes"))) {
        codes.add(((Number) code).intValue());
      }
      return codes;
    }

    Map<String, Object> responseExample(String name) {
      Map<String, Object> content = map(map(map(map(op.get("responses")).get("200")).get("content")).get("application/json"));
      return map(map(map(content.get("examples")).get(name)).get("value"));
    }

    Map<String, Object> pagination() {
      return map(op.get("x-zim-pagination"));
    }

    List<Map<String, Object>> queryParameters() {
      List<Map<String, Object>> params = new ArrayList<>();
      for (Object p : list(op.get("parameters"))) {
        params.add(map(p));
      }
      return params;
    }

    /** The request body's example, or null for a GET action. */
    Map<String, Object> bodyExample() {
      Object body = op.get("requestBody");
      if (body == null) {
        return null;
      }
      return map(map(map(map(body).get("content")).get("application/json")).get("example"));
    }

    /** The request body's schema ($ref not yet followed), or null for a GET action. */
    Object bodySchema() {
      Object body = op.get("requestBody");
      return body == null ? null : map(map(map(body).get("content")).get("application/json")).get("schema");
    }
  }

  /** Every operation in document order. */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    map(root.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
      if (method.equals("get") || method.equals("post")) {
        operations.add(new Operation(map(op).get("x-zim-action").toString(), method.toUpperCase(), map(op)));
      }
    }));
    return operations;
  }

  Operation operation(String action) {
    return operations().stream().filter(o -> o.action().equals(action)).findFirst().orElseThrow();
  }

  /** A schema with its {@code $ref} followed (repeatedly); other schemas as they are. */
  Map<String, Object> resolve(Object schema) {
    Map<String, Object> current = map(schema);
    while (current.containsKey("$ref")) {
      String name = current.get("$ref").toString().substring("#/components/schemas/".length());
      current = map(map(map(root.get("components")).get("schemas")).get(name));
    }
    return current;
  }

  /** The catalogue's category of a code, e.g. {@code invalid-argument}. */
  String category(int code) {
    for (Object entry : list(root.get("x-zim-return-codes"))) {
      if (((Number) map(entry).get("code")).intValue() == code) {
        return map(entry).get("category").toString();
      }
    }
    return "unknown";
  }

  /** The catalogue's code of a name, e.g. {@code BUSINESS_PARAMETER_ERROR}. */
  int code(String name) {
    for (Object entry : list(root.get("x-zim-return-codes"))) {
      if (name.equals(map(entry).get("name"))) {
        return ((Number) map(entry).get("code")).intValue();
      }
    }
    throw new IllegalArgumentException(name);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
