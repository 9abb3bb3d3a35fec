package dev.zimclient.client.callback;

import java.time.Duration;

/**
 * Remembers which callbacks were accepted, for replay protection. The verifier claims a key made
 * of the AppId, the timestamp and the nonce of each callback it accepts, for as long as the
 * timestamp stays within its window (after that the timestamp alone refuses a replay). Receivers
 * behind a load balancer need one store that every instance shares (a database, or Redis with
 * {@code SET key 1 NX PX ttl}); {@link #inMemory(int)} serves one process.
 */
public interface ZimCallbackNonceStore {

  /**
   * Claims {@code key} for {@code ttl}.
   *
   * @return true when the key was free (or its claim had run out), false when it is still claimed
   */
  boolean claim(String key, Duration ttl);

  /** Gives up a claim, so that the same callback is accepted again, e.g. after its handler failed. */
  void release(String key);

  /**
   * A store in this process's memory holding at most {@code capacity} claims. When it is full of
   * claims that have not run out, the oldest one is dropped: a replay of that callback would then
   * pass, which is the price of a bounded memory under a flood of callbacks.
   */
  static ZimCallbackNonceStore inMemory(int capacity) {
    return new InMemoryNonceStore(capacity, System::nanoTime);
  }
}
