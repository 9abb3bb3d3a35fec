package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Declared limits per AppId in fixed one-second windows of the simulator clock. */
class RateLimitTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;

  // Mid-second, so that 0.75 s later is still the same window.
  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));

  private ZimSimulator.Builder builder() {
    return ZimSimulator.builder().app(APP_ID, SECRET).clock(clock);
  }

  private TestGatewayClient client(ZimSimulator zim) {
    return new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
  }

  @Test
  void theTwentyFirstDestroyRoomInOneSecondGetsTheThrottleCode() {
    try (ZimSimulator zim = builder().start()) {
      TestGatewayClient client = client(zim);
      for (int i = 0; i < 20; i++) {
        assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r" + i)), "request " + (i + 1));
      }
      clock.advance(Duration.ofMillis(749));
      assertEquals(660300005, code(client.get("DestroyRoom", "RoomId", "r20")));
      assertEquals(660300005, code(client.get("DestroyRoom", "RoomId", "r21")));

      clock.advance(Duration.ofMillis(1)); // the next whole second opens a new window
      assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r22")));
    }
  }

  @Test
  void invalidRequestsCountButUnauthenticatedOnesDoNot() {
    try (ZimSimulator zim = builder().rateLimit("DestroyRoom", 2).start()) {
      TestGatewayClient client = client(zim);
      TestGatewayClient wrongSecret = new TestGatewayClient(zim.baseUrl(), APP_ID, "wrong", clock);
      for (int i = 0; i < 5; i++) {
        assertEquals(100000005, code(wrongSecret.get("DestroyRoom", "RoomId", "r")));
      }
      assertEquals(2, code(client.get("DestroyRoom")));
      assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r")));
      assertEquals(660300005, code(client.get("DestroyRoom", "RoomId", "r")));
    }
  }

  @Test
  void eachAppHasItsOwnCounter() {
    try (ZimSimulator zim = builder().app(2, "two").rateLimit("DestroyRoom", 1).start()) {
      TestGatewayClient second = new TestGatewayClient(zim.baseUrl(), 2, "two", clock);
      assertEquals(660300001, code(client(zim).get("DestroyRoom", "RoomId", "r")));
      assertEquals(660300001, code(second.get("DestroyRoom", "RoomId", "r")));
      assertEquals(660300005, code(client(zim).get("DestroyRoom", "RoomId", "r")));
    }
  }

  @Test
  void limitsCanBeRaisedOrLifted() {
    try (ZimSimulator zim = builder().rateLimit("DestroyRoom", 30).start()) {
      TestGatewayClient client = client(zim);
      for (int i = 0; i < 30; i++) {
        assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r")));
      }
      assertEquals(660300005, code(client.get("DestroyRoom", "RoomId", "r")));
    }
    try (ZimSimulator zim = builder().noRateLimit("DestroyRoom").start()) {
      TestGatewayClient client = client(zim);
      for (int i = 0; i < 25; i++) {
        assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r")));
      }
    }
    try (ZimSimulator zim = builder().noRateLimits().start()) {
      TestGatewayClient client = client(zim);
      for (int i = 0; i < 25; i++) {
        assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r")));
      }
    }
  }

  @Test
  void roomScopedLimitsCountPerRoomAndTheDefaultThrottleCodeIsSeven() {
    try (ZimSimulator zim = builder().specResource("zim/simulator-test-spec.yaml").rateLimit("CreateRoom", 1).start()) {
      TestGatewayClient client = client(zim);
      for (int i = 0; i < 5; i++) {
        assertEquals(0, code(client.get("QueryRoomGuests", "RoomId", "a", "UserId[]", "u")));
      }
      assertEquals(7, code(client.get("QueryRoomGuests", "RoomId", "a", "UserId[]", "u")));
      assertEquals(0, code(client.get("QueryRoomGuests", "RoomId", "b", "UserId[]", "u")));

      assertEquals(0, code(client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"x\"}")));
      assertEquals(7, code(client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"y\"}")));
    }
  }

  @Test
  void overridesOfUnknownActionsFailAtBuildTime() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().rateLimit("DestroyRooms", 5).build());
    assertEquals(true, e.getMessage().contains("DestroyRooms"));
    assertThrows(IllegalArgumentException.class, () -> builder().noRateLimit("Nope").build());
  }
}
