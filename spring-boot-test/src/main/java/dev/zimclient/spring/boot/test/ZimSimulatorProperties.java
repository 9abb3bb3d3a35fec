package dev.zimclient.spring.boot.test;

import dev.zimclient.simulator.ZimSimulator;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code zim.*} properties that point a client at a simulator, for tests that run their own:
 *
 * <pre>{@code
 * static final ZimSimulator simulator = ZimSimulator.builder().app(APP_ID, SECRET).start();
 *
 * @DynamicPropertySource
 * static void zim(DynamicPropertyRegistry registry) {
 *   ZimSimulatorProperties.register(registry, simulator, APP_ID, SECRET);
 * }
 * }</pre>
 */
public final class ZimSimulatorProperties {
  private ZimSimulatorProperties() {}

  /** Adds {@code zim.endpoint}, {@code zim.app-id} and {@code zim.server-secret} for the simulator. */
  public static void register(DynamicPropertyRegistry registry, ZimSimulator simulator, long appId,
      String serverSecret) {
    of(simulator, appId, serverSecret).forEach((name, value) -> registry.add(name, () -> value));
  }

  /** The same properties as a map. */
  public static Map<String, Object> of(ZimSimulator simulator, long appId, String serverSecret) {
    return Map.of("zim.endpoint", simulator.baseUrl(), "zim.app-id", appId, "zim.server-secret", serverSecret);
  }
}
