package dev.zimclient.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build's gate: the spec must keep every promise of the committed baseline. An intended break
 * is accepted by copying the spec over the baseline and recording it in CHANGELOG.md.
 */
class BreakingChangeGateTest {
  /** Surefire runs in the module's directory. */
  static final Path BASELINE = Path.of("baseline", "zim-server-api.yaml");
  static final Path SPEC = Path.of("src", "main", "resources", "zim", "zim-server-api.yaml");

  @Test
  void specKeepsTheBaselinesContract() throws IOException {
    GateReport report = CompatibilityGate.compare(Files.readString(BASELINE, StandardCharsets.UTF_8),
        Files.readString(SPEC, StandardCharsets.UTF_8));
    assertTrue(report.compatible(), report.render());
  }
}
