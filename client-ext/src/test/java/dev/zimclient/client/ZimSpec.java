package dev.zimclient.client;

import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.util.OpenApiLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's spec as the api-spec jar puts it on the classpath, with the lookups tests need.
 * Tests read actions, limits, codes and response examples from here, so the spec and the tests
 * cannot disagree.
 */
final class ZimSpec {
  static final String RESOURCE = "zim/zim-server-api.yaml";

  private static final ZimSpec INSTANCE = new ZimSpec(readResource());

  private final String text;
  private final Map<String, SpecOperation> operations;

  private ZimSpec(String text) {
    this.text = text;
    this.operations = index(parse(text));
  }

  /** The spec on the classpath. */
  static ZimSpec get() {
    return INSTANCE;
  }

  /** The spec's YAML text. */
  String text() {
    return text;
  }

  /** A freshly parsed model, references resolved, that the caller may change. */
  OpenAPI parse() {
    return parse(text);
  }

  /** The names the spec's operations declare in {@code x-zim-action}. */
  Set<String> actions() {
    return operations.keySet();
  }

  /** The operation of an action; fails for a name the spec does not declare. */
  SpecOperation operation(String action) {
    SpecOperation operation = operations.get(action);
    if (operation == null) {
      throw new IllegalArgumentException("the spec declares no action " + action + "; it has " + actions());
    }
    return operation;
  }

  /**
   * The callback events the spec declares ({@code x-zim-callback-event}), by event name, each
   * with its schema's name, its example as JSON and its required fields, the envelope's included.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  Map<String, CallbackSpec> callbacks() {
    // Read as written: merging the allOf parts, as parse() does, loses their required lists.
    Map<String, Schema> schemas = new OpenAPIV3Parser().readContents(text, null, new ParseOptions())
        .getOpenAPI().getComponents().getSchemas();
    Map<String, CallbackSpec> callbacks = new LinkedHashMap<>();
    schemas.forEach((name, schema) -> {
      Object event = schema.getExtensions() == null ? null : schema.getExtensions().get("x-zim-callback-event");
      if (event != null) {
        List<String> required = new ArrayList<>();
        for (Schema<?> part : ((ComposedSchema) schema).getAllOf()) {
          Schema<?> resolved = part.get$ref() == null ? part
              : schemas.get(part.get$ref().substring(part.get$ref().lastIndexOf('/') + 1));
          required.addAll(resolved.getRequired() == null ? List.of() : resolved.getRequired());
        }
        callbacks.put(event.toString(), new CallbackSpec(event.toString(), name, toJson(schema.getExample()), required));
      }
    });
    return callbacks;
  }

  /** One callback event of the spec. */
  record CallbackSpec(String event, String schema, String example, List<String> required) {}

  /** The JSON text of a named example of an action's 200 response. */
  String example(String action, String name) {
    String json = operation(action).examples().get(name);
    if (json == null) {
      throw new IllegalArgumentException(action + " has no response example " + name + "; it has "
          + operation(action).examples().keySet());
    }
    return json;
  }

  /** The {@code Code} of a named response example of an action. */
  int exampleCode(String action, String name) {
    try {
      return Json.mapper().readTree(example(action, name)).path("Code").asInt();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static OpenAPI parse(String text) {
    // The validator's loader: what it checks is what tests read. Combinators are merged, because
    // the validator checks each allOf part on its own and, refusing undeclared properties, would
    // refuse every response that adds fields to the envelope.
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(true);
    return new OpenApiLoader().loadApi(SpecSource.inline(text), List.of(), options);
  }

  private static Map<String, SpecOperation> index(OpenAPI api) {
    Map<String, SpecOperation> byAction = new LinkedHashMap<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      Object action = extensions(operation).get("x-zim-action");
      if (action == null) {
        throw new IllegalStateException(method + " " + path + " has no x-zim-action");
      }
      byAction.put(action.toString(), new SpecOperation(action.toString(), path, method, operation, examples(operation)));
    }));
    return Map.copyOf(byAction);
  }

  private static Map<String, String> examples(Operation operation) {
    Map<String, String> examples = new LinkedHashMap<>();
    MediaType json = operation.getResponses().get("200").getContent().get("application/json");
    if (json.getExamples() != null) {
      for (Map.Entry<String, Example> example : json.getExamples().entrySet()) {
        examples.put(example.getKey(), toJson(example.getValue().getValue()));
      }
    }
    return Map.copyOf(examples);
  }

  private static Map<String, Object> extensions(Operation operation) {
    return operation.getExtensions() == null ? Map.of() : operation.getExtensions();
  }

  private static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("example is not JSON: " + value, e);
    }
  }

  private static String readResource() {
    try (InputStream in = ZimSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One action's operation: where it lives, its extensions and its response examples as JSON. */
  record SpecOperation(String action, String path, PathItem.HttpMethod method, Operation operation,
      Map<String, String> examples) {

    /** The business codes the operation documents in {@code x-zim-return-codes}. */
    List<Integer> returnCodes() {
      Object codes = extensions(operation).get("x-zim-return-codes");
      return codes == null ? List.of() : ((List<?>) codes).stream().map(code -> ((Number) code).intValue()).toList();
    }

    /** The operation's {@code x-zim-rate-limit}, e.g. {@code permits}, {@code periodSeconds}, {@code scope}. */
    Map<String, Object> rateLimit() {
      @SuppressWarnings("unchecked")
      Map<String, Object> limit = (Map<String, Object>) extensions(operation).get("x-zim-rate-limit");
      return limit == null ? Map.of() : limit;
    }
  }
}
