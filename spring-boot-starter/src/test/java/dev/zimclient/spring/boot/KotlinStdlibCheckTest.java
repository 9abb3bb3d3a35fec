package dev.zimclient.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import kotlin.KotlinVersion;
import org.junit.jupiter.api.Test;

class KotlinStdlibCheckTest {
  @Test
  void readsTheKotlinThatBuiltRetrofitFromItsClasses() {
    KotlinVersion builtWith = KotlinStdlibCheck.retrofitKotlinVersion().orElseThrow();
    assertTrue(builtWith.isAtLeast(2, 1), builtWith.toString());
  }

  @Test
  void anOlderStdlibIsReportedWithTheFix() {
    String problem = KotlinStdlibCheck.problem(new KotlinVersion(1, 9, 25), Optional.of(new KotlinVersion(2, 1)))
        .orElseThrow();
    assertTrue(problem.contains("kotlin-stdlib 1.9.25") && problem.contains("kotlin.version to 2.1.x"), problem);
  }

  @Test
  void anEqualOrNewerStdlibPasses() {
    assertEquals(Optional.empty(), KotlinStdlibCheck.problem(new KotlinVersion(2, 1, 21), Optional.of(new KotlinVersion(2, 1))));
    assertEquals(Optional.empty(), KotlinStdlibCheck.problem(new KotlinVersion(2, 2, 0), Optional.of(new KotlinVersion(2, 1))));
    assertEquals(Optional.empty(), KotlinStdlibCheck.problem(new KotlinVersion(1, 9, 25), Optional.empty()));
  }

  @Test
  void thisBuildsClasspathPasses() {
    assertEquals(Optional.empty(), KotlinStdlibCheck.warnIfTooOld());
  }
}
