package dev.zimclient.client.internal.limit;

import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An action's limiters: one for the whole app, or, for a limit the spec keys by a parameter (a
 * room's budget, say), one per value of that parameter, made for that value so that a limiter
 * shared by processes can name the budget. The shared one (made for the empty value) also serves
 * calls whose key cannot be read, which errs on the side of sending less.
 */
public final class ScopedLimiter {
  /** Keys kept at most; a key idle long enough to be evicted has no recent sends to remember. */
  static final int MAX_KEYS = 10_000;

  private final ZimRateLimiter shared;
  private final String keyParameter;
  private final Function<String, ZimRateLimiter> create;
  private final Map<String, ZimRateLimiter> byKey;

  private ScopedLimiter(ZimRateLimiter shared, String keyParameter, Function<String, ZimRateLimiter> create) {
    this.shared = shared;
    this.keyParameter = keyParameter;
    this.create = create;
    this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ZimRateLimiter> eldest) {
        return size() > MAX_KEYS;
      }
    };
  }

  static ScopedLimiter shared(ZimRateLimiter limiter) {
    return new ScopedLimiter(limiter, null, null);
  }

  /** @param create makes the limiter of one value of the key parameter */
  static ScopedLimiter keyed(String keyParameter, Function<String, ZimRateLimiter> create) {
    return new ScopedLimiter(create.apply(""), keyParameter, create);
  }

  /** The parameter that selects a limiter, or null when one limiter serves every call. */
  public String keyParameter() {
    return keyParameter;
  }

  public ZimRateLimiter shared() {
    return shared;
  }

  public synchronized ZimRateLimiter forKey(String value) {
    return byKey.computeIfAbsent(value, create);
  }
}
