package dev.zimclient.spec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Compares a candidate spec with a baseline for changes that break existing callers: openapi-diff
 * judges the HTTP contract (removed operations, newly required parameters, narrowed types),
 * {@link OperationBreaks} words its findings and adds removed fields, and {@link ReturnCodes}
 * checks the return-code catalogue that openapi-diff does not read.
 */
final class CompatibilityGate {
  private CompatibilityGate() {}

  static GateReport compare(String baseline, String candidate) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, candidate);
    List<String> breaks = new ArrayList<>();
    diff.getMissingEndpoints().forEach(endpoint ->
        breaks.add("operation " + endpoint.getMethod() + " " + endpoint.getPathUrl() + " was removed"));
    for (ChangedOperation operation : diff.getChangedOperations()) {
      breaks.addAll(OperationBreaks.of(operation));
    }
    if (diff.isIncompatible() && breaks.isEmpty()) {
      breaks.add("openapi-diff reports an incompatible change outside the operations (see its report below)");
    }
    breaks.addAll(ReturnCodes.of(candidate).breaksSince(ReturnCodes.of(baseline)));
    return new GateReport(breaks, render(diff));
  }

  private static String render(ChangedOpenApi diff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConsoleRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
