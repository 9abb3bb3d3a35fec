package dev.zimclient.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Finds {@link AutoConfigureZimSimulator} on a test class; registered in {@code META-INF/spring.factories}. */
public final class ZimSimulatorContextCustomizerFactory implements ContextCustomizerFactory {
  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigureZimSimulator annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureZimSimulator.class);
    return annotation == null ? null : new ZimSimulatorContextCustomizer(SimulatorSettings.of(annotation));
  }
}
