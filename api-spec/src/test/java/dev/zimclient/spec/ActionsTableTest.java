package dev.zimclient.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/ACTIONS.md} is the spec's actions as a table, rendered from the spec: this fails when
 * the two differ, and rewrites the file when run with {@code -Dzim.rewriteActionsTable=true}.
 */
class ActionsTableTest {
  static final Path TABLE = Path.of("..", "docs", "ACTIONS.md");

  @Test
  void theTableIsTheSpecs() throws IOException {
    String rendered = render(new Yaml().load(Files.readString(BreakingChangeGateTest.SPEC, StandardCharsets.UTF_8)));
    if (Boolean.getBoolean("zim.rewriteActionsTable")) {
      Files.writeString(TABLE, rendered, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "";
    assertEquals(rendered, committed, "docs/ACTIONS.md is out of date: run mvn -pl api-spec test "
        + "-Dtest=ActionsTableTest -Dzim.rewriteActionsTable=true and commit the file");
  }

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> spec) {
    StringBuilder out = new StringBuilder("""
        # Actions

        Every action of the spec, rendered from `api-spec/src/main/resources/zim/zim-server-api.yaml`
        by `ActionsTableTest` (do not edit by hand). Each has a blocking method and an `Async` twin on
        the interface of its tag; paginated ones also have `...Pages`, `...Items`, `...ItemsAsync` and
        `...PagesAsync`. "Resent" says whether the client may send a request again after it may have
        reached the server (`x-zim-idempotent`).

        | Action | Interface method | HTTP | Rate limit | Resent | Paginated | Summary |
        |---|---|---|---|---|---|---|
        """);
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, Object> path : ((Map<String, Object>) spec.get("paths")).entrySet()) {
      for (Map.Entry<String, Object> method : ((Map<String, Object>) path.getValue()).entrySet()) {
        Map<String, Object> op = (Map<String, Object>) method.getValue();
        String tag = ((List<String>) op.get("tags")).get(0);
        rows.add("| `" + op.get("x-zim-action") + "` | `" + tag + "Api." + op.get("operationId") + "` | "
            + method.getKey().toUpperCase(java.util.Locale.ROOT) + " | " + limits(op.get("x-zim-rate-limit")) + " | "
            + (Boolean.TRUE.equals(op.get("x-zim-idempotent")) ? "yes" : "no") + " | "
            + (op.containsKey("x-zim-pagination") ? "yes" : "") + " | "
            + String.valueOf(op.get("summary")).replace("|", "\\|") + " |");
      }
    }
    rows.forEach(row -> out.append(row).append('\n'));
    out.append('\n').append(rows.size()).append(" actions.\n");
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static String limits(Object declared) {
    List<Object> windows = declared instanceof List<?> list ? (List<Object>) list : List.of(declared);
    List<String> parts = new ArrayList<>();
    for (Object window : windows) {
      Map<String, Object> limit = (Map<String, Object>) window;
      int period = ((Number) limit.get("periodSeconds")).intValue();
      String per = period == 1 ? "/s" : period == 86400 ? "/day" : " per " + period + " s";
      String scope = String.valueOf(limit.get("scope"));
      parts.add(limit.get("permits") + per + (scope.equals("app") ? "" : " per " + scope)
          + (limit.containsKey("cost") ? " (" + limit.get("cost") + " items)" : ""));
    }
    return String.join(" and ", parts);
  }
}
