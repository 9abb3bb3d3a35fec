package dev.zimclient.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimConflictException;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.CreateRoomRequest;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A class-wide simulator, reset before each test, driven through the real client. */
class ZimSimulatorExtensionTest {

  @RegisterExtension
  static final ZimSimulatorExtension ZIM =
      ZimSimulatorExtension.builder().simulator(s -> s.seedRoom("room-1")).build();

  @Test
  void theClientDestroysASeededRoom(RoomApi rooms, ZimSimulator simulator) {
    assertTrue(simulator.rooms().contains("room-1"));
    assertEquals(0, rooms.destroyRoom("room-1", "admin").code());
    assertFalse(simulator.rooms().contains("room-1"));

    ZimNotFoundException missing = assertThrows(ZimNotFoundException.class, () -> rooms.destroyRoom("room-1", null));
    assertEquals(660300001, missing.code());

    List<JournalEntry> journal = simulator.journal();
    assertEquals(2, journal.size());
    assertEquals("DestroyRoom", journal.get(0).action());
    assertEquals("admin", journal.get(0).params().get("FromUserId"));
    assertEquals(ZimSimulatorExtension.DEFAULT_APP_ID, journal.get(0).appId().getAsLong());
  }

  @Test
  void everyRoomActionOfTheSpecWorksThroughTheClient(RoomApi rooms, ZimSimulator simulator) {
    CreateRoomRequest request = new CreateRoomRequest("admin", "room-2", "Lobby", 60, null);
    assertEquals(0, rooms.createRoom(request).code());
    assertThrows(ZimConflictException.class, () -> rooms.createRoom(request));
    assertEquals(Set.of("room-1", "room-2"), simulator.rooms());
    for (String user : List.of("u 1", "u+2", "u3")) {
      simulator.roomsOf(ZIM.appId()).join("room-2", user);
    }
    assertEquals(0, rooms.kickoutRoomUser("room-2", List.of("u 1", "u+2"), "spam", null).code());
    assertEquals(List.of("u 1", "u+2"), simulator.journal().get(2).params().get("UserId"));
    assertEquals(List.of("u3"), simulator.roomsOf(ZIM.appId()).users("room-2"));
    assertThrows(ZimNotFoundException.class, () -> rooms.queryRoomUserList("room-3", null, null, 10));
    assertEquals(1, rooms.queryRoomUserList("room-2", 1, null, 10).count().intValue());
  }

  @Test
  void eachTestStartsFromTheSeeds(ZimSimulator simulator) {
    assertEquals(List.of(), simulator.journal());
    assertTrue(simulator.rooms().contains("room-1"));
    simulator.seedRoom("leftover");
  }

  @Test
  void injectsTheSameObjectsTheExtensionHandsOut(ZimClient client, ZimSimulator simulator) {
    assertSame(ZIM.client(), client);
    assertSame(ZIM.simulator(), simulator);
    assertEquals(ZIM.baseUrl(), client.endpoint().toString());
    assertEquals(ZIM.appId(), client.appId());
    assertFalse(simulator.rooms().contains("leftover"));
  }

  @Test
  void theSecretIsRandomAndHidden() {
    assertEquals(32, ZIM.serverSecret().length());
    assertFalse(ZIM.toString().contains(ZIM.serverSecret()));
    assertFalse(ZIM.client().toString().contains(ZIM.serverSecret()));
  }

  @Nested
  class WhenNested {
    @Test
    void aNestedClassSharesTheRunningSimulator(RoomApi rooms) {
      assertTrue(ZIM.simulator().isRunning());
      assertEquals(0, rooms.destroyRoom("room-1", null).code());
    }
  }
}
