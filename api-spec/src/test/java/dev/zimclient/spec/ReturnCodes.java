package dev.zimclient.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/**
 * The return codes a spec declares: the document's {@code x-zim-return-codes} catalogue and the
 * codes each action documents. openapi-diff does not read extensions, so the gate compares these
 * itself. The catalogue becomes the {@code ZimReturnCode} enum: removing a code, renaming it or
 * changing its retry class or category changes what callers catch and retry.
 */
record ReturnCodes(Map<Integer, Entry> catalogue, Map<String, List<Integer>> byAction) {
  ReturnCodes {
    catalogue = Map.copyOf(catalogue);
    byAction = Map.copyOf(byAction);
  }

  /** One catalogue entry. */
  record Entry(int code, String name, String retry, String category) {}

  static ReturnCodes of(String yaml) {
    Map<String, Object> document = new Yaml().load(yaml);
    Map<Integer, Entry> catalogue = new LinkedHashMap<>();
    for (Map<String, Object> entry : listOfMaps(document.get("x-zim-return-codes"))) {
      int code = ((Number) entry.get("code")).intValue();
      catalogue.put(code, new Entry(code, (String) entry.get("name"), (String) entry.get("retry"),
          (String) entry.get("category")));
    }
    Map<String, List<Integer>> byAction = new LinkedHashMap<>();
    mapOf(document.get("paths")).values().forEach(item -> mapOf(item).values().forEach(operation -> {
      Map<String, Object> fields = mapOf(operation);
      Object action = fields.get("x-zim-action");
      if (action != null) {
        List<Integer> codes = new ArrayList<>();
        for (Object code : listOf(fields.get("x-zim-return-codes"))) {
          codes.add(((Number) code).intValue());
        }
        byAction.put(action.toString(), codes);
      }
    }));
    return new ReturnCodes(catalogue, byAction);
  }

  /** How this catalogue breaks the baseline's, one readable line per break. */
  List<String> breaksSince(ReturnCodes baseline) {
    List<String> breaks = new ArrayList<>();
    baseline.catalogue.values().forEach(old -> {
      Entry now = catalogue.get(old.code());
      if (now == null) {
        breaks.add("return code " + old.code() + " (" + old.name() + ") was removed from x-zim-return-codes");
        return;
      }
      compare(breaks, old, "name", old.name(), now.name());
      compare(breaks, old, "retry class", old.retry(), now.retry());
      compare(breaks, old, "category", old.category(), now.category());
    });
    baseline.byAction.forEach((action, codes) -> {
      List<Integer> now = byAction.get(action);
      if (now != null) {
        codes.stream().filter(code -> !now.contains(code)).forEach(code ->
            breaks.add(action + " no longer documents return code " + code));
      }
    });
    return breaks;
  }

  private static void compare(List<String> breaks, Entry old, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      breaks.add("return code " + old.code() + " (" + old.name() + ") was re-classified: " + field + " " + before
          + " -> " + after);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapOf(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static List<?> listOf(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> listOfMaps(Object value) {
    return (List<Map<String, Object>>) listOf(value);
  }
}
