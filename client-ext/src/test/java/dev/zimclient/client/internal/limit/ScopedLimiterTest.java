package dev.zimclient.client.internal.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zimclient.client.limit.ZimRateLimiter;
import org.junit.jupiter.api.Test;

class ScopedLimiterTest {
  @Test
  void scopedLimiterKeepsABoundedNumberOfKeys() {
    int[] created = {0};
    ScopedLimiter limiter = ScopedLimiter.keyed("RoomId", () -> {
      created[0]++;
      return maxWait -> 0L;
    });
    ZimRateLimiter first = limiter.forKey("room-0");
    assertEquals(first, limiter.forKey("room-0"), "the same room keeps its limiter");
    for (int i = 1; i <= ScopedLimiter.MAX_KEYS; i++) {
      limiter.forKey("room-" + i);
    }
    limiter.forKey("room-0");
    assertEquals(ScopedLimiter.MAX_KEYS + 3, created[0], "shared + every room + room-0 again after eviction");
  }}
