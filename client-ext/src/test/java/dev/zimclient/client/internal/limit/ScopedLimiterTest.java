package dev.zimclient.client.internal.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopedLimiterTest {
  @Test
  void scopedLimiterKeepsABoundedNumberOfKeys() {
    List<String> created = new ArrayList<>();
    ScopedLimiter limiter = ScopedLimiter.keyed("RoomId", value -> {
      created.add(value);
      return maxWait -> 0L;
    });
    ZimRateLimiter first = limiter.forKey("room-0");
    assertEquals(first, limiter.forKey("room-0"), "the same room keeps its limiter");
    for (int i = 1; i <= ScopedLimiter.MAX_KEYS; i++) {
      limiter.forKey("room-" + i);
    }
    limiter.forKey("room-0");
    assertEquals(ScopedLimiter.MAX_KEYS + 3, created.size(), "shared + every room + room-0 again after eviction");
    assertEquals(List.of("", "room-0", "room-1"), created.subList(0, 3), "each limiter is made for its key's value");
    assertEquals("room-0", created.get(created.size() - 1));
  }
}
