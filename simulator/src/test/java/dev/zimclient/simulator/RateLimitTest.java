package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Declared limits per AppId, room or group, in fixed windows of the simulator clock: every window
 * of a list, a day included, and permits counted per item where declared.
 */
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
  void everyWindowOfAListAppliesAndARefusalTakesNoPermit() {
    // 1 a second and 100 a day, both answered 660500003. A request refused by one window uses up
    // no other: two requests a second for 100 seconds get 100 through, then the day is spent.
    SpecRequests.Request broadcast = new SpecRequests(RawSpec.REAL).valid(RawSpec.REAL.operation("SendMessageToAllUsers"));
    MutableClock dayStart = new MutableClock(Instant.parse("2024-03-01T00:00:00.500Z"));
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(dayStart).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, dayStart);
      for (int second = 0; second < 100; second++) {
        assertEquals(0, code(client.send(broadcast)), "second " + second);
        assertEquals(660500003, code(client.send(broadcast)), "second " + second);
        dayStart.advance(Duration.ofSeconds(1));
      }
      Map<String, Object> spent = client.send(broadcast);
      assertEquals(660500003, code(spent));
      assertEquals("SendMessageToAllUsers was called more often than allowed.", spent.get("Message"));

      dayStart.advance(Duration.ofHours(23)); // 23:01:40 UTC: still the same day
      assertEquals(660500003, code(client.send(broadcast)));
      dayStart.advance(Duration.ofHours(1)); // past 00:00 UTC, the next day's window
      assertEquals(0, code(client.send(broadcast)));
    }
  }

  @Test
  void groupScopedWindowsCountPerGroupReadFromTheQueryOrTheBody() {
    try (ZimSimulator zim = builder().seedGroup("g1", "o", List.of()).seedGroup("g2", "o", List.of()).start()) {
      TestGatewayClient client = client(zim);
      assertEquals(0, code(client.post("InviteUsersIntoGroup", "{\"FromUserId\":\"o\",\"GroupId\":\"g1\",\"UserIds\":[\"a\"]}")));
      assertEquals(660300006, code(client.post("InviteUsersIntoGroup", "{\"FromUserId\":\"o\",\"GroupId\":\"g1\",\"UserIds\":[\"b\"]}")));
      assertEquals(0, code(client.post("InviteUsersIntoGroup", "{\"FromUserId\":\"o\",\"GroupId\":\"g2\",\"UserIds\":[\"b\"]}")));
      assertEquals(List.of("o", "a"), zim.groups().members("g1"));

      assertEquals(0, code(client.get("DismissGroup", "FromUserId", "o", "GroupId", "g1")));
      assertEquals(660300006, code(client.get("DismissGroup", "FromUserId", "o", "GroupId", "g1")));
      assertEquals(0, code(client.get("DismissGroup", "FromUserId", "o", "GroupId", "g2")));
      clock.advance(Duration.ofSeconds(1));
      assertEquals(660600001, code(client.get("DismissGroup", "FromUserId", "o", "GroupId", "g1")));
    }
  }

  @Test
  void aWindowCountedInItemsTakesOnePermitPerItem() {
    // QueryMessagesByMsgSeq: 20 sequence numbers a second, however they are split into requests.
    try (ZimSimulator zim = builder().start()) {
      TestGatewayClient client = client(zim);
      assertEquals(0, code(client.post("QueryMessagesByMsgSeq", messages(15))));
      assertEquals(660300005, code(client.post("QueryMessagesByMsgSeq", messages(6))));
      assertEquals(0, code(client.post("QueryMessagesByMsgSeq", messages(5))));
      assertEquals(660300005, code(client.post("QueryMessagesByMsgSeq", messages(1))));
      clock.advance(Duration.ofSeconds(1));
      assertEquals(0, code(client.post("QueryMessagesByMsgSeq", messages(20))));
      clock.advance(Duration.ofSeconds(1));
      // More items than the window holds can never pass.
      assertEquals(660300005, code(client.post("QueryMessagesByMsgSeq", messages(21))));
    }
  }

  private static String messages(int count) {
    StringBuilder seqs = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      seqs.append(i == 1 ? "" : ",").append(i);
    }
    return "{\"FromUserId\":\"u1\",\"ConvId\":\"u2\",\"ConvType\":0,\"MsgSeqList\":[" + seqs + "]}";
  }

  @Test
  void anOverrideSetsTheShortestWindowAndKeepsTheDailyOne() {
    SpecRequests.Request broadcast = new SpecRequests(RawSpec.REAL).valid(RawSpec.REAL.operation("SendMessageToAllUsers"));
    try (ZimSimulator zim = builder().rateLimit("SendMessageToAllUsers", 1000).start()) {
      TestGatewayClient client = client(zim);
      for (int i = 0; i < 100; i++) {
        assertEquals(0, code(client.send(broadcast)), "request " + i);
      }
      assertEquals(660500003, code(client.send(broadcast)));
    }
  }

  @Test
  void overridesOfUnknownActionsFailAtBuildTime() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().rateLimit("DestroyRooms", 5).build());
    assertEquals(true, e.getMessage().contains("DestroyRooms"));
    assertThrows(IllegalArgumentException.class, () -> builder().noRateLimit("Nope").build());
  }
}
