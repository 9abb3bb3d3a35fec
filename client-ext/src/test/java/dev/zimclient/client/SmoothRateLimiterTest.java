package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmoothRateLimiterTest {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final SmoothRateLimiter limiter = new SmoothRateLimiter(50, now::get);

  @Test
  void firstPermitIsImmediateAndTheNextOnesAreOneIntervalApart() {
    assertEquals(0, limiter.reservePermit(1_000));
    assertEquals(50, limiter.reservePermit(1_000));
    assertEquals(100, limiter.reservePermit(1_000));
  }

  @Test
  void permitAfterAnIdleSpellIsStillOneIntervalFromTheNext() {
    limiter.reservePermit(0);
    now.addAndGet(1_234);
    assertEquals(0, limiter.reservePermit(0));
    assertEquals(50, limiter.reservePermit(1_000), "no grid: the next permit is a full interval later");
  }

  @Test
  void refusesWithoutReservingWhenTheWaitIsTooLong() {
    limiter.reservePermit(0);
    assertEquals(-1, limiter.reservePermit(49));
    assertEquals(50, limiter.reservePermit(50), "the refused call took nothing");
  }
}
