package dev.zimclient.client.callback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory replay store: claims run out, memory stays bounded. */
class InMemoryNonceStoreTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final InMemoryNonceStore store = new InMemoryNonceStore(3, nanos::get);

  @Test
  void aClaimHoldsUntilItsTimeRunsOut() {
    assertTrue(store.claim("a", Duration.ofSeconds(10)));
    assertFalse(store.claim("a", Duration.ofSeconds(10)));
    nanos.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    assertFalse(store.claim("a", Duration.ofSeconds(10)));
    nanos.addAndGet(1);
    assertTrue(store.claim("a", Duration.ofSeconds(10)), "run out");
  }

  @Test
  void aReleasedClaimIsFree() {
    assertTrue(store.claim("a", Duration.ofMinutes(1)));
    store.release("a");
    assertTrue(store.claim("a", Duration.ofMinutes(1)));
  }

  @Test
  void whenFullExpiredClaimsGoFirstThenTheOldest() {
    assertTrue(store.claim("short", Duration.ofSeconds(1)));
    assertTrue(store.claim("b", Duration.ofMinutes(1)));
    assertTrue(store.claim("c", Duration.ofMinutes(1)));
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertTrue(store.claim("d", Duration.ofMinutes(1)));
    assertFalse(store.claim("b", Duration.ofMinutes(1)), "b outlived the expired claim");
    assertTrue(store.claim("e", Duration.ofMinutes(1)));
    assertTrue(store.claim("b", Duration.ofMinutes(1)), "b, the oldest, made room for e");
  }

  @Test
  void capacityMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> ZimCallbackNonceStore.inMemory(0));
  }
}
