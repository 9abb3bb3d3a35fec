package dev.zimclient.spring.boot;

import java.util.Optional;
import kotlin.KotlinVersion;
import kotlin.Metadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when the Kotlin standard library on the classpath is older than the Kotlin that built
 * Retrofit (2.1 for Retrofit 3). Spring Boot 3.5's dependency management pins kotlin-stdlib to
 * 1.9, below what Retrofit declares; Boot 4 does not. The fix is one property, which the warning
 * names.
 */
final class KotlinStdlibCheck {
  private static final Logger log = LoggerFactory.getLogger(KotlinStdlibCheck.class);
  /** A Kotlin class of Retrofit: its metadata names the Kotlin version that compiled it. */
  private static final String RETROFIT_KOTLIN_CLASS = "retrofit2.KotlinExtensions";

  private KotlinStdlibCheck() {}

  /** Logs a warning if the check finds a problem; returns it, for tests. */
  static Optional<String> warnIfTooOld() {
    Optional<String> problem = problem(runtimeVersion(), retrofitKotlinVersion());
    problem.ifPresent(log::warn);
    return problem;
  }

  /** The problem, if the runtime Kotlin version is older than the one Retrofit was built with. */
  static Optional<String> problem(KotlinVersion runtime, Optional<KotlinVersion> retrofitBuiltWith) {
    if (retrofitBuiltWith.isEmpty() || runtime.compareTo(retrofitBuiltWith.get()) >= 0) {
      return Optional.empty();
    }
    KotlinVersion needed = retrofitBuiltWith.get();
    return Optional.of("kotlin-stdlib " + runtime + " is on the classpath, but Retrofit was built with Kotlin "
        + needed.getMajor() + "." + needed.getMinor() + " and declares a newer kotlin-stdlib. Spring Boot 3.5 pins "
        + "1.9: set the property kotlin.version to " + needed.getMajor() + "." + needed.getMinor()
        + ".x or newer (spring-boot-starter-parent), or import org.jetbrains.kotlin:kotlin-bom before "
        + "spring-boot-dependencies.");
  }

  static KotlinVersion runtimeVersion() {
    return KotlinVersion.CURRENT;
  }

  /** The major and minor version of the Kotlin compiler that built Retrofit, if Retrofit says. */
  static Optional<KotlinVersion> retrofitKotlinVersion() {
    try {
      Metadata metadata = Class.forName(RETROFIT_KOTLIN_CLASS).getAnnotation(Metadata.class);
      if (metadata == null || metadata.mv().length < 2) {
        return Optional.empty();
      }
      return Optional.of(new KotlinVersion(metadata.mv()[0], metadata.mv()[1]));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
