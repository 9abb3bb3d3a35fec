package dev.zimclient.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.zimclient.client.internal.call.ZimCallAdapterFactory;
import org.junit.jupiter.api.Test;

/**
 * The package structure is the architecture (docs/ARCHITECTURE.md): public API packages on top of
 * internal stages, each stage knowing only what it needs.
 */
class LayeringTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.zimclient.client");

  static final ArchRule PACKAGES_FORM_NO_CYCLE = slices().matching("dev.zimclient.client.(**)").should().beFreeOfCycles();

  static final ArchRule PUBLIC_API_HIDES_THE_INTERNALS = noClasses()
      .that().resideInAnyPackage("dev.zimclient.client.error..", "dev.zimclient.client.event..",
          "dev.zimclient.client.limit..", "dev.zimclient.client.signing..", "dev.zimclient.client.callback..")
      .should().dependOnClassesThat().resideInAPackage("dev.zimclient.client.internal..")
      .because("the API packages are what users compile against; internals may change in any release");

  static final ArchRule SIGNING_KNOWS_NOTHING_OF_CALLS = noClasses()
      .that().resideInAPackage("dev.zimclient.client.internal.signing..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.failsafe..", "dev.zimclient.client.internal.call..",
          "dev.zimclient.client.internal.limit..", "dev.zimclient.client.limit..", "retrofit2..")
      .because("signing stamps one request on the wire, whatever retried or paced it");

  static final ArchRule STAGES_DO_NOT_CALL_BACK_INTO_THE_PIPELINE = noClasses()
      .that().resideInAnyPackage("dev.zimclient.client.internal.limit..", "dev.zimclient.client.internal.validation..",
          "dev.zimclient.client.internal.response..", "dev.zimclient.client.internal.signing..")
      .should().dependOnClassesThat().resideInAPackage("dev.zimclient.client.internal.call..")
      .because("the call pipeline composes the stages, not the reverse");

  static final ArchRule ONLY_THE_PIPELINE_RETRIES = noClasses()
      .that().resideOutsideOfPackage("dev.zimclient.client.internal.call..")
      .and().resideOutsideOfPackage("dev.zimclient.client.limit..") // Failsafe's limiters, offered as options
      .should().dependOnClassesThat().resideInAPackage("dev.failsafe..")
      .because("retries are one policy, owned by the pipeline");

  @Test
  void rulesHold() {
    assertTrue(CLASSES.contain(ZimClient.class) && CLASSES.contain(ZimCallAdapterFactory.class),
        "the rules see the real classes");
    PACKAGES_FORM_NO_CYCLE.check(CLASSES);
    PUBLIC_API_HIDES_THE_INTERNALS.check(CLASSES);
    SIGNING_KNOWS_NOTHING_OF_CALLS.check(CLASSES);
    STAGES_DO_NOT_CALL_BACK_INTO_THE_PIPELINE.check(CLASSES);
    ONLY_THE_PIPELINE_RETRIES.check(CLASSES);
  }

  @Test
  void signingRuleCatchesASignerThatRetries() {
    JavaClasses bad = new ClassFileImporter().importPackages("dev.zimclient.client.internal.signing");
    assertThrows(AssertionError.class, () -> SIGNING_KNOWS_NOTHING_OF_CALLS.check(bad));
  }
}
