package dev.zimclient.client.internal.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate's side of the limiter SPI: futures, lateness, a second wait asked at the claim, failures. */
class PermitGateTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final PermitGate gate = new PermitGate(TimeUnit.SECONDS.toNanos(10), scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** Grants after {@code waitNanos}; records each claim's lateness; asks {@code claimWaits} in turn at the claims. */
  static final class Scripted implements ZimRateLimiter {
    final List<Long> lateness = new CopyOnWriteArrayList<>();
    private final long waitNanos;
    private final List<Long> claimWaits;

    Scripted(long waitNanos, Long... claimWaits) {
      this.waitNanos = waitNanos;
      this.claimWaits = new CopyOnWriteArrayList<>(claimWaits);
    }

    @Override
    public long reservePermit(long maxWaitNanos) {
      return waitNanos <= maxWaitNanos ? waitNanos : -1;
    }

    @Override
    public CompletableFuture<Long> claimSendAsync(int permits, long latenessNanos) {
      lateness.add(latenessNanos);
      return CompletableFuture.completedFuture(claimWaits.isEmpty() ? 0L : claimWaits.remove(0));
    }
  }

  @Test
  void aClaimIsToldHowLateTheCallerCame() throws Exception {
    Scripted limiter = new Scripted(10 * MS);
    // The scheduler's only thread is busy for 300 ms, so the claim due at 10 ms runs ~290 ms late.
    scheduler.execute(() -> sleep(300));
    assertEquals(PermitGate.Outcome.GRANTED, gate.awaitAsync(limiter, TimeUnit.SECONDS.toNanos(5), () -> false).get());
    assertTrue(limiter.lateness.get(0) >= 250 * MS, "lateness " + limiter.lateness.get(0) / MS + " ms");

    Scripted onTime = new Scripted(10 * MS);
    assertEquals(PermitGate.Outcome.GRANTED, gate.await(onTime, TimeUnit.SECONDS.toNanos(5), () -> false));
    assertTrue(onTime.lateness.get(0) < 250 * MS, "an idle thread is not that late: " + onTime.lateness.get(0) / MS);
  }

  @Test
  void aClaimThatAsksForMoreTimeIsClaimedAgainAfterIt() throws Exception {
    for (boolean async : new boolean[] {false, true}) {
      Scripted limiter = new Scripted(0, 200 * MS, 0L);
      long start = System.nanoTime();
      PermitGate.Outcome outcome = async
          ? gate.awaitAsync(limiter, TimeUnit.SECONDS.toNanos(5), () -> false).get()
          : gate.await(limiter, TimeUnit.SECONDS.toNanos(5), () -> false);
      assertEquals(PermitGate.Outcome.GRANTED, outcome);
      assertTrue(System.nanoTime() - start >= 200 * MS, "waited for the second slot");
      assertEquals(2, limiter.lateness.size(), "claimed twice");
    }
  }

  @Test
  void aClaimWaitPastTheDeadlineEndsTheWaitWithNothingSent() throws Exception {
    Scripted blocking = new Scripted(0, TimeUnit.SECONDS.toNanos(2));
    assertEquals(PermitGate.Outcome.DEADLINE, gate.await(blocking, 500 * MS, () -> false));
    Scripted async = new Scripted(0, TimeUnit.SECONDS.toNanos(2));
    assertEquals(PermitGate.Outcome.DEADLINE, gate.awaitAsync(async, 500 * MS, () -> false).get());
  }

  @Test
  void aLimiterFailureReachesTheCallerAsItself() {
    IllegalStateException unreachable = new IllegalStateException("store out of reach");
    ZimRateLimiter failing = new ZimRateLimiter() {
      @Override
      public long reservePermit(long maxWaitNanos) {
        throw new AssertionError("the gate asks the async form");
      }

      @Override
      public CompletableFuture<Long> reservePermitsAsync(int permits, long maxWaitNanos) {
        return CompletableFuture.supplyAsync(() -> {
          throw unreachable;
        });
      }
    };
    assertSame(unreachable, assertThrows(IllegalStateException.class,
        () -> gate.await(failing, TimeUnit.SECONDS.toNanos(1), () -> false)));
    CompletionException async = assertThrows(CompletionException.class,
        () -> gate.awaitAsync(failing, TimeUnit.SECONDS.toNanos(1), () -> false).join());
    assertSame(unreachable, async.getCause());
  }

  @Test
  void aSynchronousLimiterThatThrowsFailsTheWaitToo() {
    ZimRateLimiter throwing = maxWaitNanos -> {
      throw new IllegalStateException("broken");
    };
    assertEquals("broken", assertThrows(IllegalStateException.class,
        () -> gate.await(throwing, TimeUnit.SECONDS.toNanos(1), () -> false)).getMessage());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
