package dev.zimclient.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written libraries against their recorded baseline jars ({@code api-compat/baseline/}).
 * Once a version is released, its jar is the baseline.
 */
class LibraryApiCompatibilityTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "client-ext, zim-client-ext",
      "micrometer, zim-micrometer",
      "spring-boot-starter, zim-spring-boot-starter",
      "spring-boot-test, zim-spring-boot-test"})
  void keepsTheBaselinesApi(String module, String artifactId) {
    Path baseline = Jars.ROOT.resolve("api-compat/baseline").resolve(artifactId + ".jar");

    List<ApiGate.Break> breaks = ApiGate.breaks(Jars.read(baseline), Jars.read(Jars.jar(module, artifactId, "")));

    assertEquals(List.of(), breaks, Jars.report(breaks, """
        If the break is intended: copy %s/target/%s-<version>.jar over api-compat/baseline/%s.jar and
        record it under Breaking in CHANGELOG.md, saying what callers must change.""".formatted(module, artifactId,
        artifactId)));
  }
}
