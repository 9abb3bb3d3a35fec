package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded rooms, DestroyRoom and, where the spec has it, CreateRoom. */
class RoomStateTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;
  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

  @Test
  void destroyRoomRemovesASeededRoomAndAnswersNotFoundAfterwards() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("a").seedRoom("b").start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      assertEquals(Set.of("a", "b"), zim.rooms());
      assertEquals(0, code(client.get("DestroyRoom", "RoomId", "a")));
      assertEquals(Set.of("b"), zim.rooms());
      Map<String, Object> again = client.get("DestroyRoom", "RoomId", "a");
      assertEquals(660300001, code(again));
      assertEquals("The room does not exist.", again.get("Message"));
    }
  }

  @Test
  void destroyingARoomThatNeverExistedIsNotFound() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "ghost")));
      // IDs are exact: case and spaces matter.
      zim.seedRoom("Room");
      assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "room")));
      assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "Room ")));
      assertEquals(0, code(client.get("DestroyRoom", "RoomId", "Room")));
    }
  }

  @Test
  void roomsBelongToTheirApp() {
    try (ZimSimulator zim = ZimSimulator.builder().app(1, "one").app(2, "two").clock(clock).seedRoom("r").seedRoom(2, "s").start()) {
      assertEquals(1, zim.defaultAppId());
      assertEquals(Set.of("r"), zim.rooms());
      assertEquals(Set.of("s"), zim.rooms(2));
      assertEquals(660300001, code(new TestGatewayClient(zim.baseUrl(), 2, "two", clock).get("DestroyRoom", "RoomId", "r")));
      assertEquals(Set.of("r"), zim.rooms(1));
      assertThrows(IllegalArgumentException.class, () -> zim.rooms(3));
    }
  }

  @Test
  void createRoomWorksOnceTheSpecDeclaresIt() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).specResource("zim/simulator-test-spec.yaml").start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      Map<String, Object> created = client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"new\"}");
      assertEquals(0, code(created));
      assertEquals(0, created.get("AttributeSeq"));
      assertEquals(Set.of("new"), zim.rooms());
      assertEquals(660300014, code(client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"new\"}")));
      assertEquals(0, code(client.get("DestroyRoom", "RoomId", "new")));
    }
  }

  @Test
  void roomActionsThatDocumentRoomNotFoundCheckTheRoom() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("here").start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      assertEquals(660300001, code(client.get("KickoutRoomUser", "RoomId", "gone", "UserId[]", "u1")));
      assertEquals(660300001, code(client.get("QueryRoomUserList", "RoomId", "gone")));
      // SendRoomMessage has no Java of its own: taking a RoomId and documenting 660300001 is enough.
      String message = "{\"FromUserId\":\"u\",\"RoomId\":\"%s\",\"MessageType\":1,\"Priority\":1,\"MessageBody\":{\"Message\":\"hi\"}}";
      assertEquals(660300001, code(client.post("SendRoomMessage", message.formatted("gone"))));
      Map<String, Object> sent = client.post("SendRoomMessage", message.formatted("here"));
      assertEquals(0, code(sent), sent.toString());
      assertEquals(zim.spec().action("SendRoomMessage").orElseThrow().successExample().get("MsgSeq"), sent.get("MsgSeq"));
      // CreateRoom documents no 660300001: it is not checked for existence but for absence.
      assertEquals(0, code(client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"gone\"}")));
      assertEquals(660300014, code(client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"here\"}")));
      assertEquals(Set.of("here", "gone"), zim.rooms());
    }
  }

  @Test
  void theUsersOfARoomArePagedInJoinOrderOrNewestFirst() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock)
        .seedUser("u2", "Bea")
        .seedRoomUsers("r", List.of("u1", "u2", "u3"))
        .start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      Map<String, Object> first = client.get("QueryRoomUserList", "RoomId", "r", "Limit", "2");
      assertEquals(0, code(first));
      assertEquals(3, first.get("Count"));
      assertEquals(List.of(Map.of("UserId", "u1", "UserName", ""), Map.of("UserId", "u2", "UserName", "Bea")), first.get("UserList"));
      String next = (String) first.get("NextFlag");
      Map<String, Object> second = client.get("QueryRoomUserList", "RoomId", "r", "Limit", "2", "NextFlag", next);
      assertEquals(List.of(Map.of("UserId", "u3", "UserName", "")), second.get("UserList"));
      assertEquals("0", second.get("NextFlag"));

      zim.roomsOf(APP_ID).join("r", "u4");
      Map<String, Object> newest = client.get("QueryRoomUserList", "RoomId", "r", "Mode", "1", "Limit", "1");
      assertEquals(List.of(Map.of("UserId", "u4", "UserName", "")), newest.get("UserList"));
      assertEquals(4, newest.get("Count"));
    }
  }

  @Test
  void queryRoomMembersTellsWhoIsInTheRoom() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock)
        .seedUser("a", "Ann").seedRoomUsers("r", List.of("a", "b")).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      Map<String, Object> some = client.get("QueryRoomMembers", "RoomId", "r", "UserId[]", "a", "UserId[]", "c");
      assertEquals(0, code(some));
      assertEquals(List.of(Map.of("user_id", "a", "user_name", "Ann", "avatar", "", "extra", "")), some.get("UserList"));
      assertEquals(List.of(Map.of("UserId", "c", "SubCode", 660300012)), some.get("ErrorList"));

      Map<String, Object> none = client.get("QueryRoomMembers", "RoomId", "r", "UserId[]", "c");
      assertEquals(660300012, code(none));
      assertEquals(List.of(Map.of("UserId", "c", "SubCode", 660300012)), none.get("ErrorList"));
    }
  }

  @Test
  void kickoutRemovesTheUsersInTheRoomAndAnswersNotInRoomWhenNoneWas() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock)
        .seedRoomUsers("r", List.of("a", "b", "c")).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      assertEquals(0, code(client.get("KickoutRoomUser", "RoomId", "r", "UserId[]", "a", "UserId[]", "x")));
      assertEquals(List.of("b", "c"), zim.roomsOf(APP_ID).users("r"));
      Map<String, Object> again = client.get("KickoutRoomUser", "RoomId", "r", "UserId[]", "a");
      assertEquals(660300002, code(again));
      assertEquals("The user is not in the room.", again.get("Message"));
      assertEquals(List.of("b", "c"), zim.roomsOf(APP_ID).users("r"));
    }
  }

  @Test
  void roomAttributesAreSetChangedDeletedAndRead() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      Map<String, Object> created = client.post("CreateRoom",
          "{\"FromUserId\":\"u\",\"RoomId\":\"r\",\"Attributes\":[{\"Key\":\"topic\",\"Value\":\"chess\"},{\"Key\":\"host\",\"Value\":\"u\",\"AutoDelete\":1}]}");
      assertEquals(2, created.get("AttributeSeq"));

      Map<String, Object> modified = client.post("ModifyRoomAttribute",
          "{\"FromUserId\":\"u\",\"RoomId\":\"r\",\"Attributes\":["
              + "{\"Action\":0,\"Key\":\"topic\",\"Value\":\"go\"},"
              + "{\"Action\":1,\"Key\":\"nope\"},"
              + "{\"Action\":1,\"Key\":\"host\"}]}");
      assertEquals(0, code(modified));
      assertEquals(4, modified.get("AttributeSeq"));
      assertEquals(List.of(Map.of("Key", "topic", "Seq", 3), Map.of("Key", "host", "Seq", 4)), modified.get("SuccKeyList"));
      assertEquals(List.of(Map.of("SubCode", 660000002, "Key", "nope")), modified.get("ErrKeyList"));

      Map<String, Object> stopped = client.post("ModifyRoomAttribute",
          "{\"FromUserId\":\"u\",\"RoomId\":\"r\",\"Attributes\":["
              + "{\"Action\":0,\"Key\":\"novalue\",\"StopOnError\":1},"
              + "{\"Action\":0,\"Key\":\"later\",\"Value\":\"v\"}]}");
      assertEquals(List.of(), stopped.get("SuccKeyList"));
      assertEquals(Map.of("topic", "go"), zim.roomsOf(APP_ID).attributes("r"));

      Map<String, Object> read = client.post("QueryRoomAttribute", "{\"FromUserId\":\"u\",\"RoomId\":\"r\"}");
      assertEquals(4, read.get("AttributeSeq"));
      assertEquals(List.of(Map.of("Key", "topic", "Value", "go", "Seq", 3, "AutoDelete", 0)), read.get("Attributes"));

      Map<String, Object> missing = client.post("QueryRoomAttribute", "{\"FromUserId\":\"u\",\"RoomId\":\"gone\"}");
      assertEquals(660000002, code(missing));
      assertEquals("Business parameter error: room gone does not exist", missing.get("Message"));
    }
  }

  @Test
  void resetRestoresTheSeeds() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("a").start()) {
      zim.seedRoom("extra");
      zim.roomsOf(APP_ID).remove("a");
      zim.reset();
      assertEquals(Set.of("a"), zim.rooms());
    }
  }

  @Test
  void aCustomHandlerReplacesTheBuiltInOne() {
    ActionHandler failing = request -> ActionResult.error(request.returnCodes().code("GET_ROOM_FAILED"));
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("a").handler("DestroyRoom", failing).start()) {
      Map<String, Object> answer = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "a");
      assertEquals(660300007, code(answer));
      assertEquals("Failed to get the room.", answer.get("Message"));
      assertEquals(Set.of("a"), zim.rooms());
    }
    assertThrows(IllegalArgumentException.class, () -> ZimSimulator.builder().app(APP_ID, SECRET).handler("Nope", failing).build());
  }

  @Test
  void aHandlerThatThrowsAnswersGatewayInternalError() {
    ActionHandler broken = request -> {
      throw new IllegalStateException("boom");
    };
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).handler("DestroyRoom", broken).start()) {
      Map<String, Object> answer = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "a");
      assertEquals(100000015, code(answer));
      assertEquals(100000015, zim.journal().get(0).code());
    }
  }
}
