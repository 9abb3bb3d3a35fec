package dev.zimclient.spring.boot;

import dev.zimclient.client.ZimClient;
import dev.zimclient.spring.boot.health.Boot3ZimHealthIndicator;
import dev.zimclient.spring.boot.health.Boot4ZimHealthIndicator;
import dev.zimclient.spring.boot.health.ZimCallHealth;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code zim} health indicator, when Actuator's health support is present: DOWN after
 * {@code zim.health.failure-threshold} consecutive failures that say the service or the set-up is
 * not working, with the clock offset, recent failures and the last failure as details. Turned
 * off with {@code management.health.zim.enabled=false}. Spring Boot 3.5 and 4.0 keep health
 * indicators in different packages: each has its own configuration, chosen by class.
 */
@AutoConfiguration(after = ZimAutoConfiguration.class)
@ConditionalOnClass(ZimClient.class)
@ConditionalOnProperty(prefix = "zim", name = "app-id")
@ConditionalOnProperty(prefix = "management.health.zim", name = "enabled", matchIfMissing = true)
public class ZimHealthAutoConfiguration {

  static ZimCallHealth callHealth(ZimProperties properties, ObjectProvider<ZimClient> client) {
    // The client is looked up when health is asked for: it is built with this listener in it.
    return new ZimCallHealth(properties.getHealth().getFailureThreshold(), properties.getHealth().getWindow(),
        Clock.systemUTC(), () -> client.getObject().clockOffset());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4 {
    @Bean
    ZimCallHealth zimCallHealth(ZimProperties properties, ObjectProvider<ZimClient> client) {
      return callHealth(properties, client);
    }

    @Bean
    Boot4ZimHealthIndicator zimHealthIndicator(ZimCallHealth calls) {
      return new Boot4ZimHealthIndicator(calls);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot3 {
    @Bean
    ZimCallHealth zimCallHealth(ZimProperties properties, ObjectProvider<ZimClient> client) {
      return callHealth(properties, client);
    }

    @Bean
    Boot3ZimHealthIndicator zimHealthIndicator(ZimCallHealth calls) {
      return new Boot3ZimHealthIndicator(calls);
    }
  }
}
