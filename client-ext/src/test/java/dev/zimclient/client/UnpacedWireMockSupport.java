package dev.zimclient.client;

import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link WireMockSupport} with a client that never waits for a permit and makes one attempt per
 * call, for tests that run every action of the spec: they check what is sent and returned, not
 * pacing or retries, and must stay fast.
 */
abstract class UnpacedWireMockSupport extends WireMockSupport {
  @BeforeEach
  void unpacedClient() {
    client.close();
    client = clientBuilder().rateLimiterFactory(limiterFactory()).maxAttempts(1).build();
  }

  /** The limiters of the test's client; none that waits unless a test says otherwise. */
  ZimRateLimiter.Factory limiterFactory() {
    return ZimRateLimiters.unlimited();
  }
}
