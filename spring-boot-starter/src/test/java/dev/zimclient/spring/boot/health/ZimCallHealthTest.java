package dev.zimclient.spring.boot.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.error.ZimApiError;
import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimCallResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZimCallHealthTest {
  private static final ZimCall CALL = ZimCall.builder().action("DestroyRoom").build();
  private final MutableClock clock = new MutableClock();
  private final ZimCallHealth health = new ZimCallHealth(3, Duration.ofMinutes(5), clock, () -> Duration.ofSeconds(-2));

  @Test
  void downAfterTheThresholdOfConsecutiveFailuresUpAgainAfterASuccess() {
    fail(new ZimTransportException("DestroyRoom", "connection refused", true, null));
    fail(new ZimTransportException("DestroyRoom", "connection refused", true, null));
    assertTrue(health.snapshot().up());
    fail(api(100000005)); // signature wrong: a set-up failure
    assertFalse(health.snapshot().up());

    health.callEnd(CALL, ZimCallResult.builder().build());
    ZimCallHealth.Snapshot snapshot = health.snapshot();
    assertTrue(snapshot.up());
    assertEquals(0, snapshot.details().get("consecutiveFailures"));
    assertEquals(3, snapshot.details().get("recentFailures"));
    assertEquals(-2000L, snapshot.details().get("clockOffsetMillis"));
    Map<?, ?> last = (Map<?, ?>) snapshot.details().get("lastFailure");
    assertEquals("authentication", last.get("codeClass"));
    assertEquals(100000005, last.get("code"));
  }

  @Test
  void businessAnswersMeanTheServiceWorks() {
    for (int i = 0; i < 5; i++) {
      fail(api(660300001)); // room does not exist
    }
    assertTrue(health.snapshot().up());
    assertEquals(0, health.snapshot().details().get("recentFailures"));
  }

  @Test
  void recentFailuresAreThoseOfTheWindow() {
    fail(new ZimTransportException("DestroyRoom", "reset", true, null));
    clock.now = clock.now.plus(Duration.ofMinutes(6));
    assertEquals(0, health.snapshot().details().get("recentFailures"));
    assertEquals(1, health.snapshot().details().get("consecutiveFailures"));
  }

  private void fail(RuntimeException failure) {
    health.callEnd(CALL, ZimCallResult.builder().failure(failure)
        .zimCode(failure instanceof ZimApiException api ? api.code() : null).build());
  }

  private static ZimApiException api(int code) {
    return new ZimApiException(new ZimApiError("DestroyRoom", code, "m", "r", 200), false);
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
