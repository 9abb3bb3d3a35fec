package dev.zimclient.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every {@code x-zim-pagination} names what the generated paging methods read: the template cannot
 * look into schemas, so a name that is wrong here would generate code that does not compile, or
 * pages that never end. This checks each name against the operation and its schemas.
 */
class PaginationDeclarationsTest {
  private static final Set<String> END_WHEN = Set.of("cursor-empty-or-zero", "done-field");

  @Test
  void everyPaginatedActionIsDeclaredConsistently() throws IOException {
    Checks checks = new Checks(load());
    assertEquals(List.of(), checks.problems());
    assertEquals(11, checks.paginated, "paginated actions");
  }

  @Test
  void aWrongDeclarationIsReported() throws IOException {
    Map<String, Object> document = load();
    Map<String, Object> get = map(map(map(document.get("paths")).get("/?Action=QueryRoomUserList")).get("get"));
    map(get.get("x-zim-pagination")).put("itemSchema", "RoomAttribute");
    map(get.get("x-zim-pagination")).put("doneField", "Count");
    for (Map<String, Object> parameter : listOfMaps(get.get("parameters"))) {
      parameter.remove("x-zim-cursor");
    }
    assertEquals(List.of(
        "QueryRoomUserList: doneField is given exactly when endWhen is done-field",
        "QueryRoomUserList: itemSchema RoomAttribute is not what UserList holds: #/components/schemas/RoomUser",
        "QueryRoomUserList: x-zim-cursor marks [], not the cursorParameter NextFlag"),
        new Checks(document).problems());
  }

  private static Map<String, Object> load() throws IOException {
    return new Yaml().load(Files.readString(BreakingChangeGateTest.SPEC, StandardCharsets.UTF_8));
  }

  /** The checks of one document. */
  private static final class Checks {
    private final Map<String, Object> document;
    private final Map<String, Object> schemas;
    private int paginated;

    Checks(Map<String, Object> document) {
      this.document = document;
      this.schemas = map(map(document.get("components")).get("schemas"));
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      paginated = 0;
      for (Object pathItem : map(document.get("paths")).values()) {
        for (Map.Entry<String, Object> entry : map(pathItem).entrySet()) {
          Map<String, Object> operation = map(entry.getValue());
          Map<String, Object> paging = map(operation.get("x-zim-pagination"));
          List<Map<String, Object>> parameters = listOfMaps(operation.get("parameters"));
          List<String> marked = parameters.stream().filter(p -> Boolean.TRUE.equals(p.get("x-zim-cursor")))
              .map(p -> (String) p.get("name")).toList();
          String action = (String) operation.get("x-zim-action");
          if (paging.isEmpty()) {
            if (!marked.isEmpty()) {
              problems.add(action + ": x-zim-cursor on " + marked + " without x-zim-pagination");
            }
            continue;
          }
          paginated++;
          check(action, entry.getKey(), operation, paging, parameters, marked, problems);
        }
      }
      return problems;
    }

    private void check(String action, String method, Map<String, Object> operation, Map<String, Object> paging,
        List<Map<String, Object>> parameters, List<String> marked, List<String> problems) {
      String cursorParameter = (String) paging.get("cursorParameter");
      String cursorField = (String) paging.get("cursorField");
      String itemsField = (String) paging.get("itemsField");
      String itemSchema = (String) paging.get("itemSchema");
      String endWhen = (String) paging.get("endWhen");
      Object doneField = paging.get("doneField");
      Object limitParameter = paging.get("limitParameter");

      if (!END_WHEN.contains(endWhen)) {
        problems.add(action + ": endWhen " + endWhen + " is not one of " + END_WHEN);
      }
      // The template tells the two end tests apart by whether doneField is given.
      if ("done-field".equals(endWhen) != (doneField != null)) {
        problems.add(action + ": doneField is given exactly when endWhen is done-field");
      }

      Map<String, Object> response = properties(ref(map(map(map(map(map(operation.get("responses")).get("200"))
          .get("content")).get("application/json")).get("schema"))));
      Map<String, Object> cursorOut = map(response.get(cursorField));
      if (cursorOut.isEmpty()) {
        problems.add(action + ": the response has no cursorField " + cursorField);
      }
      Map<String, Object> items = map(response.get(itemsField));
      if (!"array".equals(items.get("type"))) {
        problems.add(action + ": the response's itemsField " + itemsField + " is not an array");
      } else if (!Objects.equals("#/components/schemas/" + itemSchema, map(items.get("items")).get("$ref"))) {
        problems.add(action + ": itemSchema " + itemSchema + " is not what " + itemsField + " holds: "
            + map(items.get("items")).get("$ref"));
      }
      if (doneField != null) {
        String type = (String) map(response.get(doneField)).get("type");
        if (!"boolean".equals(type) && !"integer".equals(type)) {
          problems.add(action + ": doneField " + doneField + " is not a boolean or integer field of the response");
        }
      }

      Map<String, Object> cursorIn;
      if ("get".equals(method)) {
        if (!List.of(cursorParameter).equals(marked)) {
          problems.add(action + ": x-zim-cursor marks " + marked + ", not the cursorParameter " + cursorParameter);
        }
        if (!parameters.isEmpty() && Boolean.TRUE.equals(parameters.get(0).get("x-zim-cursor"))) {
          problems.add(action + ": the cursor is the first parameter, which the template cannot leave out");
        }
        cursorIn = parameters.stream().filter(p -> cursorParameter.equals(p.get("name"))).findFirst()
            .map(p -> map(p.get("schema"))).orElse(Map.of());
        if (limitParameter != null && parameters.stream().noneMatch(p -> limitParameter.equals(p.get("name")))) {
          problems.add(action + ": no limitParameter " + limitParameter);
        }
      } else {
        if (!marked.isEmpty()) {
          problems.add(action + ": x-zim-cursor is for GET parameters; the body's cursorParameter is used");
        }
        Map<String, Object> request = properties(ref(map(map(map(map(operation.get("requestBody")).get("content"))
            .get("application/json")).get("schema"))));
        cursorIn = map(request.get(cursorParameter));
        if (limitParameter != null && !request.containsKey(limitParameter)) {
          problems.add(action + ": the request has no limitParameter " + limitParameter);
        }
      }
      if (cursorIn.isEmpty()) {
        problems.add(action + ": no cursorParameter " + cursorParameter);
      } else if (!Objects.equals(cursorIn.get("type"), cursorOut.get("type"))
          || !Objects.equals(cursorIn.get("format"), cursorOut.get("format"))) {
        // The answer's cursor is sent back as it is read.
        problems.add(action + ": " + cursorParameter + " and " + cursorField + " differ in type");
      }
    }

    /** A schema with its {@code $ref} followed. */
    private Map<String, Object> ref(Map<String, Object> schema) {
      Object ref = schema.get("$ref");
      return ref == null ? schema : map(schemas.get(((String) ref).substring("#/components/schemas/".length())));
    }

    /** A schema's properties, those of its {@code allOf} parts included. */
    private Map<String, Object> properties(Map<String, Object> schema) {
      Map<String, Object> properties = new LinkedHashMap<>(map(schema.get("properties")));
      for (Map<String, Object> part : listOfMaps(schema.get("allOf"))) {
        properties.putAll(properties(ref(part)));
      }
      return properties;
    }

  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<Map<String, Object>> listOfMaps(Object value) {
    List<Map<String, Object>> maps = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        maps.add(map(item));
      }
    }
    return maps;
  }
}
