package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The README's quick start, as written there, against the simulator instead of ZEGO. */
class ReadmeQuickStartTest {
  static final long APP_ID = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void quickStartRunsAsDocumented() {
    AtomicReference<Throwable> asyncFailure = new AtomicReference<>();
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("room-1").start()) {
      try (ZimClient client = ZimClient.builder()
              .appId(APP_ID)
              .serverSecret(SECRET)
              .endpoint(zim.baseUrl())
              .build()) {
        RoomApi rooms = client.create(RoomApi.class);

        rooms.destroyRoom("room-1", null);

        rooms.destroyRoomAsync("room-2", "admin")
            .exceptionally(e -> { asyncFailure.set(e); return null; })
            .join();

        assertThrows(ZimNotFoundException.class, () -> rooms.destroyRoom("room-1", null));
      }
      assertFalse(zim.rooms().contains("room-1"));
      assertEquals(3, zim.journal().size());
    }
    // The call's own future fails with the typed exception itself; only dependent stages wrap it.
    assertInstanceOf(ZimNotFoundException.class, asyncFailure.get(), "room-2 never existed");
  }
}
