package dev.zimclient.client.limit;

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
  void aSendLateForItsSlotPushesTheNextSendBackToAFullInterval() {
    assertEquals(0, limiter.reservePermit(1_000));
    assertEquals(50, limiter.reservePermit(1_000));
    now.addAndGet(30); // The first caller woke 30 ns late.
    assertEquals(0, limiter.claimSend());
    now.addAndGet(20); // The second caller is on time for its slot...
    assertEquals(30, limiter.claimSend(), "...but only 20 ns after the first send");
    now.addAndGet(30);
    assertEquals(0, limiter.claimSend());
  }

  @Test
  void overAWindowOfSendsALateSendHoldsBackOnlyTheSendAWindowLater() {
    SmoothRateLimiter windowed = new SmoothRateLimiter(50, 2, now::get);
    long start = now.get();
    assertEquals(0, windowed.reservePermit(1_000));
    assertEquals(50, windowed.reservePermit(1_000));
    assertEquals(100, windowed.reservePermit(1_000));
    now.set(start + 40); // The first caller woke 40 ns late;
    assertEquals(0, windowed.claimSend());
    now.set(start + 50); // the second, on time, need not wait for it,
    assertEquals(0, windowed.claimSend());
    now.set(start + 100); // but the third would put three sends within two intervals.
    assertEquals(40, windowed.claimSend());
  }

  @Test
  void refusesWithoutReservingWhenTheWaitIsTooLong() {
    limiter.reservePermit(0);
    assertEquals(-1, limiter.reservePermit(49));
    assertEquals(50, limiter.reservePermit(50), "the refused call took nothing");
  }
}
