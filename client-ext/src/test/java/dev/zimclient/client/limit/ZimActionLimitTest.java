package dev.zimclient.client.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zimclient.generated.ZimRateLimit.Scope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZimActionLimitTest {
  @Test
  void aBudgetKeepsItsAppAndKeyThroughARateChange() {
    ZimActionLimit room = new ZimActionLimit("QueryRoomUserList", 20, Duration.ofSeconds(1), Scope.ROOM)
        .forApp(42).forKey("room-1").withRate(new ZimRate(5, Duration.ofSeconds(1)));
    assertEquals(new ZimActionLimit("QueryRoomUserList", 5, Duration.ofSeconds(1), Scope.ROOM, 42, "room-1"), room);
  }

  @Test
  void aLimitNamedWithoutAppOrKeyHasNeither() {
    ZimActionLimit limit = new ZimActionLimit("DestroyRoom", 20, Duration.ofSeconds(1), Scope.APP);
    assertEquals(0, limit.appId());
    assertEquals("", limit.key());
  }

  @Test
  void anAppWideLimitHasNoKeyAndNoLimitANegativeApp() {
    ZimActionLimit app = new ZimActionLimit("DestroyRoom", 20, Duration.ofSeconds(1), Scope.APP);
    assertThrows(IllegalArgumentException.class, () -> app.forKey("room-1"));
    assertThrows(IllegalArgumentException.class, () -> app.forApp(-1));
  }
}
