package dev.zimclient.spring.boot.test;

import dev.zimclient.simulator.ZimSimulator;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/** Starts a simulator for a test context, points the context at it, and stops it with the context. */
final class ZimSimulatorContextCustomizer implements ContextCustomizer {
  static final String BEAN_NAME = "zimSimulator";

  private final SimulatorSettings settings;

  ZimSimulatorContextCustomizer(SimulatorSettings settings) {
    this.settings = settings;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    ZimSimulator.Builder builder = ZimSimulator.builder().app(settings.appId(), settings.serverSecret());
    settings.seedRooms().forEach(builder::seedRoom);
    if (!settings.rateLimits()) {
      builder.noRateLimits();
    }
    ZimSimulator simulator = builder.start();
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    beans.registerSingleton(BEAN_NAME, simulator);
    if (beans instanceof DefaultListableBeanFactory registry) {
      registry.registerDisposableBean(BEAN_NAME, simulator::close);
    }
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("zimSimulator", ZimSimulatorProperties.of(simulator, settings.appId(),
            settings.serverSecret())));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZimSimulatorContextCustomizer customizer && customizer.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }
}
