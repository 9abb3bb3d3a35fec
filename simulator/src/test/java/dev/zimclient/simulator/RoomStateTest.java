package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
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
      assertEquals(0, code(client.get("KickoutRoomUser", "RoomId", "here", "UserId[]", "u1", "UserId[]", "u2")));
      assertEquals(660300001, code(client.get("QueryRoomUserList", "RoomId", "gone")));
      Map<String, Object> users = client.get("QueryRoomUserList", "RoomId", "here", "Limit", "10");
      assertEquals(0, code(users));
      assertEquals(2, users.get("Count"));
      // CreateRoom documents no 660300001: it is not checked for existence but for absence.
      assertEquals(0, code(client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"gone\"}")));
      assertEquals(660300014, code(client.post("CreateRoom", "{\"FromUserId\":\"u\",\"RoomId\":\"here\"}")));
      assertEquals(Set.of("here", "gone"), zim.rooms());
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
