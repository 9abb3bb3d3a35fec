package dev.zimclient.spring.boot;

import dev.zimclient.client.ZimClient;
import dev.zimclient.micrometer.ZimClockOffsetMeter;
import dev.zimclient.micrometer.ZimMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Meters and observes the client's calls ({@link ZimMetrics}) when the application has a
 * {@link MeterRegistry}, and binds the clock-offset gauge. Runs after the registries and the
 * observation registry of Spring Boot 3.5 and 4.0 (whose auto-configurations moved packages).
 */
@AutoConfiguration(after = ZimAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, ZimMetrics.class})
@ConditionalOnBean({MeterRegistry.class, ZimClient.class})
public class ZimMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public ZimMetrics zimMetrics(MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
    return ZimMetrics.builder(registry)
        .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
        .build();
  }

  /** Spring Boot binds every {@link MeterBinder} bean to its registries. */
  @Bean
  public MeterBinder zimClockOffsetMeter(ZimClient client) {
    return new ZimClockOffsetMeter(client);
  }
}
