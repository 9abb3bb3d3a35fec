package dev.zimclient.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Beside the spec's breaking-change gate (api-spec): what the current spec generates against what
 * the committed baseline spec generates, through the same templates. A change the spec gate lets
 * through as compatible on the wire (a new optional query parameter) can still break a generated
 * Java signature; this gate catches that.
 */
class GeneratedApiCompatibilityTest {
  @Test
  void theGeneratedApiKeepsTheBaselineSpecsApi() {
    Path baselineClasses = Path.of(System.getProperty("zim.baseline.classes"));
    assertTrue(Files.isRegularFile(baselineClasses.resolve("dev/zimclient/generated/api/RoomApi.class")),
        "the baseline spec was generated and compiled into " + baselineClasses);

    List<ApiGate.Break> breaks = ApiGate.breaks(Jars.of(baselineClasses),
        Jars.read(Jars.jar("client-generated", "zim-client-generated", "")));

    assertEquals(List.of(), breaks, Jars.report(breaks, """
        A generated method or type changed its Java shape. docs/API-EVOLUTION.md says how generated methods
        evolve; if the break is intended, accept it like a spec break: copy the spec over
        api-spec/baseline/zim-server-api.yaml and record it under Breaking in CHANGELOG.md."""));
  }
}
