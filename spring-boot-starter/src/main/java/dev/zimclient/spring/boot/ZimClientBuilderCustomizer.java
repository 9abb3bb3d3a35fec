package dev.zimclient.spring.boot;

import dev.zimclient.client.ZimClientBuilder;

/**
 * Adjusts the auto-configured client's builder after the {@code zim.*} properties were applied:
 * declare a bean of this type to set what properties do not cover (an OkHttp client, a rate
 * limiter factory shared between processes, a clock). Applied in {@code @Order}.
 */
@FunctionalInterface
public interface ZimClientBuilderCustomizer {
  void customize(ZimClientBuilder builder);
}
