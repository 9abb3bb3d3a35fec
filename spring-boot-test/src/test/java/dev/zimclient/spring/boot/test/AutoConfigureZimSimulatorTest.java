package dev.zimclient.spring.boot.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import dev.zimclient.spring.boot.ZimAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A Spring test context whose client the annotation pointed at a simulator, over other properties. */
@SpringJUnitConfig
@AutoConfigureZimSimulator(appId = 42, seedRooms = {"room-1", "room-2"})
@TestPropertySource(properties = {"zim.app-id=99", "zim.endpoint=https://zim-api.zego.im/"})
class AutoConfigureZimSimulatorTest {
  @Configuration
  @ImportAutoConfiguration(ZimAutoConfiguration.class)
  static class App {}

  @Autowired
  ZimSimulator simulator;

  @Autowired
  ZimClient client;

  @Autowired
  RoomApi rooms;

  @Test
  void theClientCallsTheSimulatorItWasPointedAt() {
    assertEquals(42, client.appId());
    assertEquals(simulator.baseUrl(), client.endpoint().toString());
    assertTrue(simulator.rooms().contains("room-2"));

    rooms.destroyRoom("room-2", null);

    assertFalse(simulator.rooms().contains("room-2"));
    assertEquals("DestroyRoom", simulator.journal().get(simulator.journal().size() - 1).action());
  }
}
