package dev.zimclient.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecCatalogTest {

  private static final SpecCatalog REAL = SpecCatalog.fromClasspath();
  private static final SpecCatalog TEST = SpecCatalog.fromClasspath("zim/simulator-test-spec.yaml");

  @Test
  void readsDestroyRoomFromTheRealSpec() {
    ActionSpec destroy = REAL.action("DestroyRoom").orElseThrow();
    assertEquals("GET", destroy.method());
    assertEquals(List.of("RoomId", "FromUserId"), destroy.params().stream().map(ParamSpec::name).toList());
    ParamSpec roomId = destroy.params().get(0);
    assertTrue(roomId.required());
    assertEquals(ParamLocation.QUERY, roomId.location());
    assertEquals("string", roomId.rule().type());
    assertEquals(32, roomId.rule().maxLength());
    assertEquals(1, roomId.rule().minLength());
    assertTrue(roomId.rule().pattern().matcher("a+b c").find());
    assertFalse(destroy.params().get(1).required());
    assertEquals(List.of(new RateLimit(20, 1, RateLimit.Scope.APP, 660300005)), destroy.rateLimits());
    assertEquals(0, ((Number) destroy.successExample().get("Code")).intValue());
  }

  @Test
  void readsTheReturnCodeCatalogue() {
    ReturnCodeCatalog codes = REAL.returnCodes();
    assertEquals(100000005, codes.code("SIGNATURE_WRONG"));
    assertEquals(660300001, codes.code("ROOM_NOT_FOUND"));
    assertEquals("Server busy.", codes.meaning(1));
    assertEquals("Error 42.", codes.meaning(42));
    assertThrows(IllegalStateException.class, () -> codes.code("NO_SUCH_CODE"));
  }

  @Test
  void readsBodiesArraysScopesAndExamples() {
    ActionSpec create = TEST.action("CreateRoom").orElseThrow();
    assertEquals("POST", create.method());
    assertTrue(create.hasBody());
    assertEquals(RateLimit.DEFAULT_THROTTLE_CODE, create.rateLimits().get(0).throttleCode());
    assertEquals(Map.of("Code", 0, "Message", "success", "RequestId", "2", "AttributeSeq", 0), create.successExample());
    SchemaRule attributes = create.params().stream().filter(p -> p.name().equals("Attributes")).findFirst().orElseThrow().rule();
    assertEquals("array", attributes.type());
    assertEquals(List.of("Key", "Value"), List.copyOf(attributes.items().required()));

    ActionSpec members = TEST.action("QueryRoomGuests").orElseThrow();
    assertEquals("UserId", members.params().get(0).baseName());
    assertEquals(RateLimit.Scope.ROOM, members.rateLimits().get(0).scope());
    assertEquals("RoomId", members.rateLimits().get(0).key());

    ActionSpec ping = TEST.action("Ping").orElseThrow();
    assertTrue(ping.rateLimits().isEmpty());
    assertTrue(ping.successExample().isEmpty());
  }

  @Test
  void readsEveryWindowOfARateLimitWithItsKeyAndCost() {
    assertEquals(
        List.of(new RateLimit(1, 1, RateLimit.Scope.APP, 660500003), new RateLimit(100, 86400, RateLimit.Scope.APP, 660500003)),
        REAL.action("SendMessageToAllUsers").orElseThrow().rateLimits());
    assertEquals(
        List.of(new RateLimit(1, 1, RateLimit.Scope.GROUP, 660300006, "GroupId", null)),
        REAL.action("InviteUsersIntoGroup").orElseThrow().rateLimits());
    RateLimit perItem = REAL.action("QueryMessagesByMsgSeq").orElseThrow().rateLimits().get(0);
    assertEquals("MsgSeqList", perItem.cost());
    assertTrue(perItem.countsItems());
  }

  @Test
  void readsPaginationWithTheTypesOfItsFields() {
    Pagination users = REAL.action("QueryRoomUserList").orElseThrow().pagination().orElseThrow();
    assertEquals(new Pagination("NextFlag", "NextFlag", true, "UserList", Set.of("UserId", "UserName"),
        Pagination.EndWhen.CURSOR_EMPTY_OR_ZERO, null, false, "Limit"), users);
    Pagination friends = REAL.action("QueryFriendList").orElseThrow().pagination().orElseThrow();
    assertFalse(friends.textCursor());
    Pagination muted = REAL.action("FetchForbidGroupList").orElseThrow().pagination().orElseThrow();
    assertEquals(Pagination.EndWhen.DONE_FIELD, muted.endWhen());
    assertEquals("FetchEnd", muted.doneField());
    assertFalse(muted.booleanDone());
    assertEquals(null, muted.limitParameter());
    assertEquals(11, REAL.actions().values().stream().filter(a -> a.pagination().isPresent()).count());
    assertTrue(REAL.action("DestroyRoom").orElseThrow().pagination().isEmpty());
  }

  @Test
  void knowsWhichAnswersCarryARequestId() {
    assertTrue(REAL.action("DestroyRoom").orElseThrow().answersRequestId());
    assertTrue(REAL.action("QueryGroupMemberList").orElseThrow().responseFields().containsAll(List.of("Code", "RequestId", "MemberList")));
    assertFalse(REAL.action("CgiDescribeZIMAudioLicense").orElseThrow().answersRequestId());
  }

  @Test
  void aMissingSpecIsReportedByName() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpecCatalog.fromClasspath("zim/none.yaml"));
    assertTrue(e.getMessage().contains("zim/none.yaml"));
  }
}
