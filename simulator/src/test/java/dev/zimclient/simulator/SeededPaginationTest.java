package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paginated actions without state page the items a test seeds, by the cursor, limit and end
 * condition their {@code x-zim-pagination} declares; without seeds, the example's items.
 */
class SeededPaginationTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;
  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

  private ZimSimulator.Builder builder() {
    return ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).noRateLimits();
  }

  private TestGatewayClient client(ZimSimulator zim) {
    return new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
  }

  private static List<Map<String, Object>> friends(int count) {
    List<Map<String, Object>> friends = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      friends.add(Map.of("UserId", "f" + i, "FriendAlias", "Friend " + i));
    }
    return friends;
  }

  @Test
  void seededItemsArePagedByTheDeclaredCursorAndLimitUntilACursorOfZero() {
    try (ZimSimulator zim = builder().seedItems("QueryFriendList", friends(5)).start()) {
      TestGatewayClient client = client(zim);
      List<Object> seen = new ArrayList<>();
      String next = null;
      int pages = 0;
      do {
        Map<String, Object> page = next == null
            ? client.get("QueryFriendList", "FromUserId", "u1", "Limit", "2")
            : client.get("QueryFriendList", "FromUserId", "u1", "Limit", "2", "Next", next);
        assertEquals(0, code(page));
        seen.addAll((List<?>) page.get("FriendInfos"));
        assertTrue(page.get("Next") instanceof Integer, "Next is an integer in QueryFriendList's answer");
        next = page.get("Next").toString();
        pages++;
      } while (!"0".equals(next));
      assertEquals(3, pages);
      assertEquals(friends(5), seen);
      assertEquals(3, zim.journal().size());
    }
  }

  @Test
  void seedsCanBeLimitedToRequestsWithGivenParameters() {
    try (ZimSimulator zim = builder()
        .seedItems("QueryFriendList", friends(1))
        .seedItems("QueryFriendList", Map.of("FromUserId", "u2"), friends(3))
        .start()) {
      TestGatewayClient client = client(zim);
      assertEquals(friends(3), client.get("QueryFriendList", "FromUserId", "u2").get("FriendInfos"));
      assertEquals(friends(1), client.get("QueryFriendList", "FromUserId", "u9").get("FriendInfos"));
    }
    try (ZimSimulator zim = builder().seedItems("QueryFriendList", Map.of("FromUserId", "u2"), friends(3)).start()) {
      assertEquals(List.of(), client(zim).get("QueryFriendList", "FromUserId", "u9").get("FriendInfos"));
    }
  }

  @Test
  void aDoneFieldEndsTheListingAndAPageSizeServesActionsWithoutALimit() {
    List<Map<String, Object>> muted = List.of(
        Map.of("GroupId", "g1", "ForbidType", 1), Map.of("GroupId", "g2", "ForbidType", 2), Map.of("GroupId", "g3", "ForbidType", 4));
    try (ZimSimulator zim = builder().seedItems("FetchForbidGroupList", muted).pageSize("FetchForbidGroupList", 2).start()) {
      TestGatewayClient client = client(zim);
      Map<String, Object> first = client.post("FetchForbidGroupList", "{\"FromUserId\":\"a\",\"StartFlag\":0}");
      assertEquals(0, first.get("FetchEnd"));
      assertEquals(muted.subList(0, 2), first.get("GroupList"));
      Map<String, Object> last = client.post("FetchForbidGroupList", "{\"FromUserId\":\"a\",\"StartFlag\":" + first.get("NextFlag") + "}");
      assertEquals(1, last.get("FetchEnd"));
      assertEquals(muted.subList(2, 3), last.get("GroupList"));
    }
  }

  @Test
  void withoutSeedsTheExamplesItemsArePaged() {
    try (ZimSimulator zim = builder().start()) {
      TestGatewayClient client = client(zim);
      Map<String, Object> first = client.get("QueryAppCommunityList", "Limit", "1");
      assertEquals(List.of(Map.of("CommunityId", "hikers", "CommunityName", "Weekend hikers")), first.get("CommunityIdList"));
      assertEquals(1, first.get("Next"));
      Map<String, Object> second = client.get("QueryAppCommunityList", "Limit", "1", "Next", "1");
      assertEquals(List.of(Map.of("CommunityId", "chess", "CommunityName", "Chess lovers")), second.get("CommunityIdList"));
      assertEquals(0, second.get("Next"));
      assertEquals(2, second.get("TotalCount"), "fields beside the listing come from the example");
    }
  }

  @Test
  void aCursorTheSimulatorNeverGaveIsAParameterError() {
    try (ZimSimulator zim = builder().start()) {
      Map<String, Object> answer = client(zim).get("QueryRoomUserList", "RoomId", "r", "NextFlag", "abc");
      // The room check comes first: a room that does not exist has no pages.
      assertEquals(660300001, code(answer));
      zim.seedRoom("r");
      Map<String, Object> bad = client(zim).get("QueryRoomUserList", "RoomId", "r", "NextFlag", "abc");
      assertEquals(660000002, code(bad));
      assertEquals("Business parameter error: NextFlag is not a cursor this simulator gave out", bad.get("Message"));
      assertEquals(660000002, code(client(zim).get("QueryBlacklist", "FromUserId", "u", "Next", "-1")));
    }
  }

  @Test
  void seedsThatCannotBeServedFailAtBuildTime() {
    IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
        () -> builder().seedItems("QueryFriendList", List.of(Map.of("UserID", "f1"))).build());
    assertTrue(typo.getMessage().contains("UserID"), typo.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder().seedItems("DestroyRoom", friends(1)).build());
    assertThrows(IllegalArgumentException.class, () -> builder().seedItems("QueryFriendLists", friends(1)).build());
    assertThrows(IllegalArgumentException.class, () -> builder().seedItems("QueryFriendList", Map.of("Nope", "x"), friends(1)).build());
    IllegalArgumentException state = assertThrows(IllegalArgumentException.class,
        () -> builder().seedItems("QueryGroupMemberList", List.of(Map.of("UserId", "u"))).build());
    assertTrue(state.getMessage().contains("state"), state.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder().pageSize("QueryFriendList", 0).build());
    assertThrows(IllegalArgumentException.class, () -> builder().pageSize("DestroyRoom", 5).build());
  }
}
