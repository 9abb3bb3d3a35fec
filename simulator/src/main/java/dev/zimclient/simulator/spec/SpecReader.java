package dev.zimclient.simulator.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an OpenAPI document into a {@link SpecCatalog}; the only class that knows swagger-parser. */
final class SpecReader {

  private static final System.Logger LOG = System.getLogger(SpecReader.class.getName());
  private static final Pattern ACTION_IN_PATH = Pattern.compile("[?&]Action=([^&]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecReader() {}

  static SpecCatalog read(String text, String location) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    // Inline every $ref so that each parameter carries its constraints itself.
    options.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("cannot read spec " + location + ": " + result.getMessages());
    }
    if (result.getMessages() != null && !result.getMessages().isEmpty()) {
      LOG.log(System.Logger.Level.DEBUG, "spec {0}: {1}", location, result.getMessages());
    }
    return new SpecCatalog(readActions(api, location), readReturnCodes(api));
  }

  private static Map<String, ActionSpec> readActions(OpenAPI api, String location) {
    Map<String, ActionSpec> actions = new LinkedHashMap<>();
    if (api.getPaths() == null) {
      return actions;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      PathItem item = path.getValue();
      for (Map.Entry<PathItem.HttpMethod, Operation> op : item.readOperationsMap().entrySet()) {
        String name = actionName(path.getKey(), op.getValue());
        if (name == null) {
          continue;
        }
        ActionSpec action = readAction(name, op.getKey(), item, op.getValue());
        if (actions.putIfAbsent(name, action) != null) {
          throw new IllegalStateException("spec " + location + " declares action " + name + " twice");
        }
      }
    }
    return actions;
  }

  private static String actionName(String pathKey, Operation operation) {
    Object declared = extensions(operation.getExtensions()).get("x-zim-action");
    if (declared != null) {
      return declared.toString();
    }
    Matcher m = ACTION_IN_PATH.matcher(pathKey);
    return m.find() ? m.group(1) : null;
  }

  private static ActionSpec readAction(
      String name, PathItem.HttpMethod method, PathItem item, Operation operation) {
    List<ParamSpec> params = new ArrayList<>(queryParams(item, operation));
    params.addAll(bodyParams(operation));
    Map<String, Object> extensions = extensions(operation.getExtensions());
    SchemaRule answer = SchemaRule.from(responseSchema(operation));
    return new ActionSpec(
        name,
        method.name().toUpperCase(Locale.ROOT),
        params,
        rateLimits(name, extensions.get("x-zim-rate-limit")),
        pagination(name, extensions.get("x-zim-pagination"), answer),
        answer.properties().keySet(),
        successExample(operation),
        documentedCodes(extensions.get("x-zim-return-codes")));
  }

  // Operation-level parameters override path-level ones of the same name, as OpenAPI says.
  private static List<ParamSpec> queryParams(PathItem item, Operation operation) {
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (List<Parameter> level : List.of(nonNull(item.getParameters()), nonNull(operation.getParameters()))) {
      for (Parameter p : level) {
        if (p != null && "query".equals(p.getIn())) {
          byName.put(p.getName(), p);
        }
      }
    }
    List<ParamSpec> params = new ArrayList<>();
    for (Parameter p : byName.values()) {
      params.add(
          new ParamSpec(
              p.getName(),
              ParamLocation.QUERY,
              Boolean.TRUE.equals(p.getRequired()),
              SchemaRule.from(p.getSchema())));
    }
    return params;
  }

  private static List<ParamSpec> bodyParams(Operation operation) {
    if (operation.getRequestBody() == null) {
      return List.of();
    }
    MediaType media = jsonMedia(operation.getRequestBody().getContent());
    Schema<?> schema = media == null ? null : media.getSchema();
    if (schema == null || schema.getProperties() == null) {
      return List.of();
    }
    Set<String> required = new HashSet<>(nonNull(schema.getRequired()));
    List<ParamSpec> params = new ArrayList<>();
    schema.getProperties().forEach(
        (field, property) ->
            params.add(
                new ParamSpec(
                    field, ParamLocation.BODY, required.contains(field), SchemaRule.from(property))));
    return params;
  }

  // One window as an object, several as a list of them.
  private static List<RateLimit> rateLimits(String action, Object extension) {
    List<RateLimit> windows = new ArrayList<>();
    for (Object window : extension instanceof List<?> list ? list : extension == null ? List.of() : List.of(extension)) {
      if (!(window instanceof Map<?, ?> map)) {
        throw new IllegalStateException(action + ": an x-zim-rate-limit window is not an object: " + window);
      }
      windows.add(
          new RateLimit(
              intValue(map.get("permits"), 0),
              intValue(map.get("periodSeconds"), 1),
              RateLimit.Scope.fromSpec(map.get("scope")),
              intValue(map.get("throttleCode"), RateLimit.DEFAULT_THROTTLE_CODE),
              text(map.get("key")),
              text(map.get("cost"))));
    }
    return windows;
  }

  private static Optional<Pagination> pagination(String action, Object extension, SchemaRule answer) {
    if (!(extension instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    String cursorField = required(action, map, "cursorField");
    String itemsField = required(action, map, "itemsField");
    String doneField = text(map.get("doneField"));
    SchemaRule items = answer.properties().get(itemsField);
    return Optional.of(
        new Pagination(
            required(action, map, "cursorParameter"),
            cursorField,
            isType(answer.properties().get(cursorField), "string"),
            itemsField,
            items == null || items.items() == null ? Set.of() : items.items().properties().keySet(),
            Pagination.EndWhen.fromSpec(map.get("endWhen")),
            doneField,
            doneField != null && isType(answer.properties().get(doneField), "boolean"),
            text(map.get("limitParameter"))));
  }

  private static String required(String action, Map<?, ?> map, String name) {
    String value = text(map.get(name));
    if (value == null) {
      throw new IllegalStateException(action + ": x-zim-pagination has no " + name);
    }
    return value;
  }

  private static boolean isType(SchemaRule rule, String type) {
    return rule != null && type.equals(rule.type());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  // The 200 answer's schema; its allOf parts arrive merged, as the parser resolves fully.
  private static Schema<?> responseSchema(Operation operation) {
    if (operation.getResponses() == null) {
      return null;
    }
    ApiResponse ok = operation.getResponses().get("200");
    MediaType media = ok == null ? null : jsonMedia(ok.getContent());
    return media == null ? null : media.getSchema();
  }

  private static Set<Integer> documentedCodes(Object extension) {
    Set<Integer> codes = new HashSet<>();
    if (extension instanceof List<?> list) {
      for (Object code : list) {
        int value = intValue(code, -1);
        if (value >= 0) {
          codes.add(value);
        }
      }
    }
    return codes;
  }

  // Prefers the example named "success", then any example answering Code 0.
  private static Map<String, Object> successExample(Operation operation) {
    if (operation.getResponses() == null) {
      return Map.of();
    }
    ApiResponse ok = operation.getResponses().get("200");
    MediaType media = ok == null ? null : jsonMedia(ok.getContent());
    if (media == null) {
      return Map.of();
    }
    List<Object> candidates = new ArrayList<>();
    if (media.getExamples() != null) {
      Example named = media.getExamples().get("success");
      if (named != null) {
        candidates.add(named.getValue());
      }
      media.getExamples().values().forEach(e -> candidates.add(e.getValue()));
    }
    candidates.add(media.getExample());
    for (Object candidate : candidates) {
      Map<String, Object> value = asMap(candidate);
      if (value != null && intValue(value.get("Code"), -1) == 0) {
        return value;
      }
    }
    return Map.of();
  }

  private static ReturnCodeCatalog readReturnCodes(OpenAPI api) {
    Object extension = extensions(api.getExtensions()).get("x-zim-return-codes");
    List<ReturnCodeCatalog.Entry> entries = new ArrayList<>();
    if (extension instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map && map.get("code") != null) {
          entries.add(
              new ReturnCodeCatalog.Entry(
                  intValue(map.get("code"), -1),
                  map.get("name") == null ? null : map.get("name").toString(),
                  map.get("meaning") == null ? null : map.get("meaning").toString()));
        }
      }
    }
    return new ReturnCodeCatalog(entries);
  }

  private static MediaType jsonMedia(Content content) {
    if (content == null || content.isEmpty()) {
      return null;
    }
    MediaType json = content.get("application/json");
    return json != null ? json : content.values().iterator().next();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.convertValue(value, LinkedHashMap.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int intValue(Object value, int fallback) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value != null) {
      try {
        return Integer.parseInt(value.toString().trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  private static Map<String, Object> extensions(Map<String, Object> extensions) {
    return extensions == null ? Map.of() : extensions;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
