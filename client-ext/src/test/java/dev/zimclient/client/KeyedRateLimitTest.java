package dev.zimclient.client;

import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRateLimiter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zimclient.generated.ZimRateLimit;
import dev.zimclient.generated.api.RoomApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A limit the spec keys by a parameter gives each value its own budget; others share one. */
class KeyedRateLimitTest extends WireMockSupport {
  RoomApi api;

  void oneCallPerTenSecondsFor(String action) {
    client.close();
    client = clientBuilder().rateLimit(action, 1, Duration.ofSeconds(10)).maxRateLimitWait(Duration.ofMillis(100)).build();
    api = client.create(RoomApi.class);
  }

  @Test
  void roomScopedLimitGivesEachRoomItsOwnBudget() {
    oneCallPerTenSecondsFor("QueryRoomUserList");
    stub(action("QueryRoomUserList").willReturn(example("QueryRoomUserList", "success")));

    api.queryRoomUserList("room-a", null, null, null);
    api.queryRoomUserListAsync("room-b", null, null, null).join();
    assertThrows(ZimRateLimitExceededException.class, () -> api.queryRoomUserList("room-a", null, null, null));

    assertEquals(2, requests().size(), "room-b had its own permit; room-a's second call was not sent");
    ZimActionLimit limit = client.rateLimit("QueryRoomUserList").orElseThrow();
    assertEquals(ZimRateLimit.Scope.ROOM, limit.scope(), "an override changes the rate, not the scope");
    assertEquals(1, limit.permits());
  }

  @Test
  void appScopedLimitIsSharedByEveryRoom() {
    oneCallPerTenSecondsFor("DestroyRoom");
    stub(destroyRoom().willReturn(envelope(0, "success")));

    api.destroyRoom("room-a", null);
    assertThrows(ZimRateLimitExceededException.class, () -> api.destroyRoom("room-b", null));
    assertEquals(1, requests().size());
  }

  @Test
  void factoryIsToldTheAppIdAndEachKeyValueItMakesALimiterFor() {
    List<ZimActionLimit> made = new CopyOnWriteArrayList<>();
    ZimRateLimiter.Factory recording = limit -> {
      made.add(limit);
      return maxWaitNanos -> 0L;
    };
    client.close();
    client = clientBuilder().rateLimiterFactory(recording).build();
    api = client.create(RoomApi.class);
    stub(action("QueryRoomUserList").willReturn(example("QueryRoomUserList", "success")));
    stub(destroyRoom().willReturn(envelope(0, "success")));

    api.queryRoomUserList("room-a", null, null, null);
    api.queryRoomUserListAsync("room-b", null, null, null).join();
    api.queryRoomUserList("room-a", null, null, null);
    api.destroyRoom("room-a", null);

    List<String> roomBudgets = made.stream().filter(l -> l.action().equals("QueryRoomUserList")).map(ZimActionLimit::key)
        .toList();
    assertEquals(List.of("", "room-a", "room-b"), roomBudgets,
        "one limiter for unreadable keys, then one per room, each made once");
    ZimActionLimit destroy = made.stream().filter(l -> l.action().equals("DestroyRoom")).findFirst().orElseThrow();
    assertEquals("", destroy.key(), "an app-wide limit has no key");
    made.forEach(limit -> assertEquals(APP_ID, limit.appId(), limit.toString()));
  }
}
