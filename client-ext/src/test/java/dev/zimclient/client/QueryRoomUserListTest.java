package dev.zimclient.client;

import dev.zimclient.client.error.ZimInvalidParameterException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.model.QueryRoomUserListResponse;
import dev.zimclient.generated.model.RoomUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** QueryRoomUserList end to end: optional query parameters and a response with a list. */
class QueryRoomUserListTest extends WireMockSupport {
  @Test
  void pageOfUsersIsRead() {
    stub(action("QueryRoomUserList").willReturn(example("QueryRoomUserList", "success")));

    QueryRoomUserListResponse page = rooms.queryRoomUserList("room-1", 1, "7", 100);

    assertEquals(2, page.count());
    assertEquals("0", page.nextFlag());
    assertEquals(List.of(new RoomUser("user-a", "Alice"), new RoomUser("user-b", "Bob")), page.userList());
    Map<String, List<String>> query = rawQuery(requests().get(0));
    assertEquals("GET", requests().get(0).getMethod().getName());
    assertEquals("QueryRoomUserList", first(query, "Action"));
    assertEquals("room-1", first(query, "RoomId"));
    assertEquals("1", first(query, "Mode"));
    assertEquals("7", first(query, "NextFlag"));
    assertEquals("100", first(query, "Limit"));
    assertEquals(Md5.hex(APP_ID + first(query, "SignatureNonce") + SECRET + first(query, "Timestamp")),
        first(query, "Signature"));
  }

  @Test
  void omittedOptionsAreNotSent() {
    stub(action("QueryRoomUserList").willReturn(example("QueryRoomUserList", "success")));
    rooms.queryRoomUserListAsync("room-1", null, null, null).join();
    Map<String, List<String>> query = rawQuery(requests().get(0));
    assertFalse(query.containsKey("Mode") || query.containsKey("NextFlag") || query.containsKey("Limit"), query.toString());
  }

  @Test
  void limitAndModeOutsideTheirRangesAreRejected() {
    ZimInvalidParameterException limit = assertThrows(ZimInvalidParameterException.class,
        () -> rooms.queryRoomUserList("room-1", null, null, 501));
    assertEquals("Limit", limit.parameter());
    assertTrue(limit.getMessage().contains("more than the maximum 500"), limit.getMessage());
    ZimInvalidParameterException mode = assertThrows(ZimInvalidParameterException.class,
        () -> rooms.queryRoomUserList("room-1", 2, null, null));
    assertEquals("Mode", mode.parameter());
    assertEquals(0, requests().size());
  }

  @Test
  void roomLevelThrottlingIsRetried() {
    stub(action("QueryRoomUserList").inScenario("t").whenScenarioStateIs(
            com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("ok")
        .willReturn(example("QueryRoomUserList", "roomRateExceeded")));
    stub(action("QueryRoomUserList").inScenario("t").whenScenarioStateIs("ok")
        .willReturn(example("QueryRoomUserList", "success")));
    assertEquals(2, rooms.queryRoomUserList("room-1", null, null, null).count());
    assertEquals(2, requests().size());
  }
}
