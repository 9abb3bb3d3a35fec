package dev.zimclient.client;

import dev.zimclient.client.error.ZimAuthenticationException;
import dev.zimclient.client.error.ZimDeadlineExceededException;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.error.ZimServerErrorException;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.api.RoomApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryTest extends WireMockSupport {
  @Test
  void serverBusyThenSuccessSucceedsWithTwoDifferentNonces() {
    stub(destroyRoom().inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(example("DestroyRoom", "serverBusy")));
    stub(destroyRoom().inScenario("busy").whenScenarioStateIs("ok").willReturn(example("DestroyRoom", "success")));

    assertEquals(0, rooms.destroyRoom("room-1", null).code());

    assertEquals(2, requests().size());
    String first = first(rawQuery(requests().get(0)), "SignatureNonce");
    String second = first(rawQuery(requests().get(1)), "SignatureNonce");
    assertNotEquals(first, second);
    for (var request : requests()) {
      var query = rawQuery(request);
      assertEquals(Md5.hex(APP_ID + first(query, "SignatureNonce") + SECRET + first(query, "Timestamp")),
          first(query, "Signature"));
    }
  }

  @Test
  void asyncRetriesToo() {
    stub(destroyRoom().inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(example("DestroyRoom", "serverBusy")));
    stub(destroyRoom().inScenario("busy").whenScenarioStateIs("ok").willReturn(example("DestroyRoom", "success")));
    assertEquals(0, rooms.destroyRoomAsync("room-1", null).join().code());
    assertEquals(2, requests().size());
  }

  @Test
  void permanentCodeIsNotRetried() {
    stub(destroyRoom().willReturn(envelope(100000005, "signature wrong")));
    assertThrows(ZimAuthenticationException.class, () -> rooms.destroyRoom("room-1", null));
    assertEquals(1, requests().size());
  }

  @Test
  void attemptBoundHolds() {
    client.close();
    client = clientBuilder().maxAttempts(4).build();
    stub(destroyRoom().willReturn(example("DestroyRoom", "serverBusy")));
    ZimServerErrorException e = assertThrows(ZimServerErrorException.class,
        () -> client.create(RoomApi.class).destroyRoom("room-1", null));
    assertTrue(e.isRetryable());
    assertEquals(4, requests().size());
  }

  @Test
  void throttledCodeIsRetried() {
    stub(destroyRoom().inScenario("t").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(envelope(660300005, "too fast")));
    stub(destroyRoom().inScenario("t").whenScenarioStateIs("ok").willReturn(example("DestroyRoom", "success")));
    assertEquals(0, rooms.destroyRoom("room-1", null).code());
    assertEquals(2, requests().size());
  }

  @Test
  void expiredSignatureIsSignedAgainWithTheServersTimeOnce() {
    client.close();
    Instant local = Instant.parse("2026-01-01T00:00:00Z");
    Instant server = local.plus(Duration.ofMinutes(15));
    client = clientBuilder().clock(Clock.fixed(local, ZoneOffset.UTC)).build();
    String serverDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(server.atOffset(ZoneOffset.UTC));
    stub(destroyRoom().inScenario("skew").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(envelope(100000004, "signature expired").withHeader("Date", serverDate)));
    stub(destroyRoom().inScenario("skew").whenScenarioStateIs("ok").willReturn(example("DestroyRoom", "success")));

    assertEquals(0, client.create(RoomApi.class).destroyRoom("room-1", null).code());

    assertEquals(2, requests().size());
    assertEquals(String.valueOf(local.getEpochSecond()), first(rawQuery(requests().get(0)), "Timestamp"));
    assertEquals(String.valueOf(server.getEpochSecond()), first(rawQuery(requests().get(1)), "Timestamp"));
    assertEquals(Duration.ofMinutes(15), client.clockOffset());
  }

  @Test
  void expiredSignatureTwiceInARowIsNotRetriedAgain() {
    client.close();
    client = clientBuilder().maxAttempts(5).build();
    stub(destroyRoom().willReturn(envelope(100000004, "signature expired")));
    assertThrows(ZimAuthenticationException.class, () -> client.create(RoomApi.class).destroyRoom("room-1", null));
    assertEquals(2, requests().size());
  }

  @Test
  void deadlineCoversEveryAttemptAndBackoff() {
    client.close();
    client = clientBuilder().maxAttempts(5).backoff(Duration.ofMillis(400), Duration.ofSeconds(2)).jitter(0)
        .deadline(Duration.ofMillis(700)).build();
    stub(destroyRoom().willReturn(example("DestroyRoom", "serverBusy")));
    long started = System.nanoTime();
    ZimDeadlineExceededException e = assertThrows(ZimDeadlineExceededException.class,
        () -> client.create(RoomApi.class).destroyRoom("room-1", null));
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertInstanceOf(ZimException.class, e.getCause(), "the last attempt's failure");
    assertTrue(requests().size() < 5, "stopped by the deadline, not the attempt bound");
    assertTrue(elapsedMillis < 5_000, "ended near the deadline, not after five long backoffs: " + elapsedMillis);
  }
}
