package dev.zimclient.spring.boot.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import dev.zimclient.spring.boot.ZimAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A test that runs its own simulator and points the context at it with @DynamicPropertySource. */
@SpringJUnitConfig
class ZimSimulatorPropertiesTest {
  private static final long APP_ID = 7;
  private static final String SECRET = "abcdefabcdefabcdefabcdefabcdefab";
  static final ZimSimulator simulator = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("room-9").start();

  @DynamicPropertySource
  static void zim(DynamicPropertyRegistry registry) {
    ZimSimulatorProperties.register(registry, simulator, APP_ID, SECRET);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Configuration
  @ImportAutoConfiguration(ZimAutoConfiguration.class)
  static class App {}

  @Autowired
  RoomApi rooms;

  @Test
  void theContextsClientCallsTheTestsSimulator() {
    assertEquals(0, rooms.destroyRoom("room-9", null).code());
    assertEquals(0, simulator.rooms().size());
  }
}
