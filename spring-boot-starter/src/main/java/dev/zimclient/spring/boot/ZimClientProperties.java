package dev.zimclient.spring.boot;

import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.ZimApis;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Applies {@link ZimProperties} to a client builder. */
final class ZimClientProperties {
  private ZimClientProperties() {}

  static void apply(ZimProperties properties, ZimClientBuilder builder) {
    if (properties.getAppId() == null) {
      throw new IllegalStateException("zim.app-id is not set");
    }
    if (properties.getServerSecret() == null || properties.getServerSecret().isBlank()) {
      throw new IllegalStateException("zim.server-secret is not set; it is required with zim.app-id");
    }
    builder.appId(properties.getAppId()).serverSecret(properties.getServerSecret());
    if (properties.getEndpoint() != null && !properties.getEndpoint().isBlank()) {
      builder.endpoint(properties.getEndpoint());
    } else if (properties.getRegion() != null) {
      builder.region(properties.getRegion());
    }
    if (properties.getConnectTimeout() != null) {
      builder.connectTimeout(properties.getConnectTimeout());
    }
    if (properties.getReadTimeout() != null) {
      builder.readTimeout(properties.getReadTimeout());
    }
    if (properties.getDeadline() != null) {
      builder.deadline(properties.getDeadline());
    }
    if (properties.getMaxAttempts() != null) {
      builder.maxAttempts(properties.getMaxAttempts());
    }
    if (properties.getMaxRateLimitWait() != null) {
      builder.maxRateLimitWait(properties.getMaxRateLimitWait());
    }
    if (properties.getUserAgentSuffix() != null) {
      builder.userAgentSuffix(properties.getUserAgentSuffix());
    }
    Map<String, String> actions = actionsByLowerCaseName();
    properties.getRateLimits().forEach((name, rate) -> {
      String action = actions.get(name.toLowerCase(Locale.ROOT));
      if (action == null) {
        throw new IllegalStateException("zim.rate-limits." + name + ": the spec has no such action");
      }
      builder.rateLimit(action, rate.getPermits(), rate.getPeriod());
    });
  }

  /**
   * Every action of the generated interfaces, by its name in lower case: property keys may arrive
   * lower-cased, and the client wants the action's own spelling.
   */
  private static Map<String, String> actionsByLowerCaseName() {
    Map<String, String> actions = new TreeMap<>();
    for (Class<?> api : ZimApis.all()) {
      for (Method method : api.getMethods()) {
        ZimAction action = method.getAnnotation(ZimAction.class);
        if (action != null) {
          actions.put(action.value().toLowerCase(Locale.ROOT), action.value());
        }
      }
    }
    return actions;
  }
}
