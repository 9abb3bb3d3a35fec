package dev.zimclient.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every schema marked {@code x-zim-callback-event} is declared as info.description promises: the
 * generated list of events, the verifier and the tests that sign each event's example all rely on
 * it, and none of them can look into the YAML to find a slip.
 */
class CallbackDeclarationsTest {
  static final String ENVELOPE = "#/components/schemas/CallbackEnvelope";
  /** Limits a receiver must not enforce: ZEGO's events are not bound by what the document guessed. */
  static final Set<String> LIMITS = Set.of("minLength", "maxLength", "pattern", "enum", "minimum", "maximum",
      "minItems", "maxItems", "exclusiveMinimum", "exclusiveMaximum");

  @Test
  void everyCallbackEventIsDeclaredConsistently() throws IOException {
    Checks checks = new Checks(load());
    assertEquals(List.of(), checks.problems());
    assertEquals(18, checks.events.size(), "callback events: " + checks.events);
  }

  @Test
  void aWrongDeclarationIsReported() throws IOException {
    Map<String, Object> document = load();
    Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
    Map<String, Object> roomCreate = map(schemas.get("RoomCreateCallback"));
    map(roomCreate.get("example")).remove("room_id");
    map(roomCreate.get("example")).put("signature", "not-hex");
    Map<String, Object> roomId = map(map(map(listOfMaps(roomCreate.get("allOf")).get(1).get("properties"))).get("room_id"));
    roomId.put("maxLength", 32);
    map(schemas.get("RoomDestroyCallback")).put("x-zim-callback-event", "room_create");
    map(schemas.get("BeforeSendMsgCallback")).put("x-zim-callback-reply", "NoSuchReply");
    map(schemas.get("CallCreateCallback")).put("allOf", List.of(Map.of("type", "object")));
    assertEquals(List.of(
        "RoomCreateCallback: the example lacks required room_id",
        "RoomCreateCallback: the example's signature is not 40 lowercase hex characters",
        "RoomCreateCallback: room_id declares maxLength",
        "RoomDestroyCallback: event room_create is declared twice",
        "RoomDestroyCallback: the example's event is room_destroy, not room_create",
        "CallCreateCallback: allOf does not start with " + ENVELOPE,
        "BeforeSendMsgCallback: x-zim-callback-reply NoSuchReply is not a schema of the document"),
        new Checks(document).problems());
  }

  private static Map<String, Object> load() throws IOException {
    return new Yaml().load(Files.readString(BreakingChangeGateTest.SPEC, StandardCharsets.UTF_8));
  }

  /** The checks of one document. */
  private static final class Checks {
    private final Map<String, Object> schemas;
    private final Set<String> events = new LinkedHashSet<>();

    Checks(Map<String, Object> document) {
      this.schemas = map(map(document.get("components")).get("schemas"));
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      events.clear();
      Map<String, Object> envelope = map(schemas.get("CallbackEnvelope"));
      for (Map.Entry<String, Object> entry : schemas.entrySet()) {
        Map<String, Object> schema = map(entry.getValue());
        Object event = schema.get("x-zim-callback-event");
        if (event != null) {
          check(entry.getKey(), event.toString(), schema, envelope, problems);
        }
      }
      return problems;
    }

    private void check(String name, String event, Map<String, Object> schema, Map<String, Object> envelope,
        List<String> problems) {
      if (!event.matches("[a-z][a-z_]*")) {
        problems.add(name + ": event " + event + " is not a snake_case name");
      }
      if (!events.add(event)) {
        problems.add(name + ": event " + event + " is declared twice");
      }
      List<Map<String, Object>> parts = listOfMaps(schema.get("allOf"));
      if (parts.isEmpty() || !ENVELOPE.equals(parts.get(0).get("$ref"))) {
        problems.add(name + ": allOf does not start with " + ENVELOPE);
      }
      Set<String> required = new LinkedHashSet<>(strings(envelope.get("required")));
      Map<String, Object> properties = new LinkedHashMap<>();
      for (Map<String, Object> part : parts.subList(Math.min(1, parts.size()), parts.size())) {
        required.addAll(strings(part.get("required")));
        properties.putAll(map(part.get("properties")));
      }
      Map<String, Object> example = map(schema.get("example"));
      for (String field : required) {
        if (!example.containsKey(field)) {
          problems.add(name + ": the example lacks required " + field);
        }
      }
      if (!String.valueOf(example.get("signature")).matches("[0-9a-f]{40}")) {
        problems.add(name + ": the example's signature is not 40 lowercase hex characters");
      }
      properties.forEach((field, property) -> limits(name, field, map(property), problems));
      if (example.containsKey("event") && !event.equals(example.get("event"))) {
        problems.add(name + ": the example's event is " + example.get("event") + ", not " + event);
      }
      Object reply = schema.get("x-zim-callback-reply");
      if (reply != null && !schemas.containsKey(reply.toString())) {
        problems.add(name + ": x-zim-callback-reply " + reply + " is not a schema of the document");
      }
    }

    /** Limits on a field, on its items, and on the fields of the schemas it refers to. */
    private void limits(String name, String field, Map<String, Object> property, List<String> problems) {
      limits(name, field, property, problems, new HashSet<>());
    }

    private void limits(String name, String field, Map<String, Object> property, List<String> problems,
        Set<String> seen) {
      for (String limit : LIMITS) {
        if (property.containsKey(limit)) {
          problems.add(name + ": " + field + " declares " + limit);
        }
      }
      Object ref = property.get("$ref");
      if (ref != null && seen.add(ref.toString())) {
        Map<String, Object> target = map(schemas.get(ref.toString().substring("#/components/schemas/".length())));
        map(target.get("properties")).forEach(
            (inner, schema) -> limits(name, field + "." + inner, map(schema), problems, seen));
      }
      if (property.containsKey("items")) {
        limits(name, field + "[]", map(property.get("items")), problems, seen);
      }
    }
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> strings.add(String.valueOf(item)));
    }
    return strings;
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
