package dev.zimclient.client.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowRateLimiterTest {
  final AtomicLong now = new AtomicLong(1_000);
  final WindowRateLimiter limiter = new WindowRateLimiter(3, 100, now::get);

  @Test
  void capsTheTotalInAnyWindowWithoutPacingWithinIt() {
    assertEquals(0, limiter.reservePermit(0));
    assertEquals(0, limiter.reservePermit(0));
    assertEquals(0, limiter.reservePermit(0), "the whole window's permits at once");
    assertEquals(-1, limiter.reservePermit(99), "the fourth waits for the first to leave the window");
    assertEquals(100, limiter.reservePermit(100));
    now.addAndGet(100);
    assertEquals(0, limiter.reservePermit(0), "the second left the window");
  }

  @Test
  void severalPermitsGoTogetherOrNotAtAll() {
    assertEquals(0, limiter.reservePermits(2, 0));
    assertEquals(-1, limiter.reservePermits(2, 99), "only one is free before the first two leave");
    assertEquals(0, limiter.reservePermits(1, 0), "the refusal reserved nothing");
    assertEquals(-1, limiter.reservePermits(4, Long.MAX_VALUE), "more than the window holds");
  }

  @Test
  void theDefaultFactoryCapsLongWindowsAndPacesShortOnes() {
    ZimRateLimiter daily = ZimRateLimiters.smooth(0.98)
        .create(new ZimActionLimit("SendMessageToAllUsers", 100, Duration.ofDays(1), dev.zimclient.generated.ZimRateLimit.Scope.APP));
    for (int i = 0; i < 100; i++) {
      assertEquals(0, daily.reservePermit(0), "permit " + i);
    }
    assertEquals(-1, daily.reservePermit(Duration.ofHours(1).toNanos()), "the 101st waits a day");
  }
}
