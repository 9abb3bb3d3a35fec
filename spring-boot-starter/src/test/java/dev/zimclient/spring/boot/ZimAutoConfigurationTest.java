package dev.zimclient.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimCallResult;
import dev.zimclient.client.event.ZimEventListener;
import dev.zimclient.generated.ZimApis;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.micrometer.ZimMetrics;
import dev.zimclient.simulator.ZimSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration in a real Spring context, its client calling the simulator on loopback. */
class ZimAutoConfigurationTest {
  private static final long APP_ID = 2_000_002L;
  private static final String SECRET = "7d1e0c9b8a7f6e5d4c3b2a1908f7e6d5";
  private static ZimSimulator simulator;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ZimAutoConfiguration.class, ZimMetricsAutoConfiguration.class,
          ZimHealthAutoConfiguration.class));

  @BeforeAll
  static void startSimulator() {
    simulator = ZimSimulator.builder().app(APP_ID, SECRET).noRateLimits().start();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  private ApplicationContextRunner configured() {
    return runner.withPropertyValues("zim.app-id=" + APP_ID, "zim.server-secret=" + SECRET,
        "zim.endpoint=" + simulator.baseUrl());
  }

  @Test
  void withoutAnAppIdNothingIsMade() {
    runner.run(context -> {
      assertTrue(context.getBeansOfType(ZimClient.class).isEmpty());
      assertTrue(context.getBeansOfType(RoomApi.class).isEmpty());
    });
  }

  @Test
  void theClientIsBuiltFromThePropertiesWithOneBeanPerGeneratedInterface() {
    simulator.seedRoom("room-a");
    configured().withPropertyValues("zim.user-agent-suffix=janitor/1", "zim.max-attempts=2",
        "zim.rate-limits.destroyroom.permits=40").run(context -> {
          ZimClient client = context.getBean(ZimClient.class);
          assertEquals(APP_ID, client.appId());
          assertEquals(simulator.baseUrl(), client.endpoint().toString());
          assertEquals(2, client.config().maxAttempts());
          assertTrue(client.config().userAgent().endsWith(" janitor/1"));
          for (Class<?> api : ZimApis.all()) {
            assertNotNull(context.getBean(api), api.getName());
          }
          RoomApi rooms = context.getBean("roomApi", RoomApi.class);
          assertEquals(0, rooms.destroyRoom("room-a", null).code());
          assertFalse(simulator.rooms().contains("room-a"));
          assertEquals(40, client.rateLimit("DestroyRoom").orElseThrow().permits(), "the key matched in any case");
        });
  }

  @Test
  void theSecretIsRequiredAndNeverShown() {
    runner.withPropertyValues("zim.app-id=" + APP_ID).run(context -> {
      assertTrue(context.getStartupFailure() != null);
      assertTrue(rootCause(context.getStartupFailure()).getMessage().contains("zim.server-secret is not set"));
    });
    configured().run(context ->
        assertFalse(context.getBean(ZimProperties.class).toString().contains(SECRET)));
  }

  @Test
  void aRateForAnActionTheSpecLacksIsRefused() {
    configured().withPropertyValues("zim.rate-limits.NoSuchAction.permits=5").run(context ->
        assertTrue(rootCause(context.getStartupFailure()).getMessage().contains("NoSuchAction")));
  }

  @Test
  void anInterfaceTheApplicationAlreadyProvidesIsLeftAlone() {
    RoomApi own = (RoomApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RoomApi.class},
        (proxy, method, args) -> null);
    configured().withBean("myRooms", RoomApi.class, () -> own).run(context -> {
      assertSame(own, context.getBean(RoomApi.class));
      assertNotNull(context.getBean("userApi"));
    });
  }

  @Test
  void listenerAndCustomizerBeansReachTheClient() {
    simulator.seedRoom("room-b");
    List<String> ends = new CopyOnWriteArrayList<>();
    ZimEventListener listener = new ZimEventListener() {
      @Override
      public void callEnd(ZimCall call, ZimCallResult result) {
        ends.add(call.action() + " " + result.outcome().id());
      }
    };
    configured()
        .withBean(ZimEventListener.class, () -> listener)
        .withBean(ZimClientBuilderCustomizer.class, () -> builder -> builder.deadline(Duration.ofSeconds(7)))
        .run(context -> {
          assertEquals(Duration.ofSeconds(7), context.getBean(ZimClient.class).config().deadline());
          context.getBean(RoomApi.class).destroyRoom("room-b", null);
          assertEquals(List.of("DestroyRoom success"), ends);
        });
  }

  @Test
  void theClientIsClosedWithTheContext() {
    RoomApi[] rooms = new RoomApi[1];
    configured().run(context -> rooms[0] = context.getBean(RoomApi.class));
    assertThrows(ZimTransportException.class, () -> rooms[0].destroyRoom("room-c", null));
  }

  @Test
  void callsAreMeteredWhenTheApplicationHasAMeterRegistry() {
    simulator.seedRoom("room-d");
    configured().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertNotNull(context.getBean(ZimMetrics.class));
      context.getBean(RoomApi.class).destroyRoom("room-d", null);
      assertEquals(1, context.getBean(MeterRegistry.class).get(ZimMetrics.CALLS)
          .tags("action", "DestroyRoom", "outcome", "success").timer().count());
    });
    configured().run(context -> assertTrue(context.getBeansOfType(ZimMetrics.class).isEmpty()));
  }

  @Test
  void theHealthIndicatorCanBeTurnedOff() {
    configured().run(context -> assertTrue(context.containsBean("zimHealthIndicator")));
    configured().withPropertyValues("management.health.zim.enabled=false")
        .run(context -> assertFalse(context.containsBean("zimHealthIndicator")));
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
