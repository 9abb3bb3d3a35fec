package dev.zimclient.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.zimclient.generated.api.CommunityApi;
import dev.zimclient.generated.api.ConversationApi;
import dev.zimclient.generated.api.GroupApi;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.api.UserApi;
import dev.zimclient.generated.model.FetchForbidGroupListRequest;
import dev.zimclient.generated.model.QueryConversationListRequest;
import dev.zimclient.generated.model.QueryGroupMemberListRequest;
import dev.zimclient.generated.model.QueryGroupMsgRequest;
import dev.zimclient.generated.model.QueryGroupsInfoOfUserRequest;
import dev.zimclient.generated.model.QueryPeerMsgRequest;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each of the spec's 11 paginated actions, walked end to end with its generated {@code ...Items}
 * and {@code ...ItemsAsync} methods against the simulator: 7 items, 3 a page, so three pages and
 * three requests, the cursor each page returned sent back for the next, every item once and in
 * order. Items come from the simulator's state where it keeps one (room users, groups), else
 * from seeds.
 */
class EveryPaginatedActionTest {

  private static final int ITEMS = 7;
  private static final int PAGE = 3;
  private static final List<String> CURSORS_AFTER_THE_FIRST = List.of("3", "6");

  private static final List<String> MEMBERS = ids("m");
  private static final List<String> GROUPS = ids("g");

  @RegisterExtension
  static final ZimSimulatorExtension ZIM = ZimSimulatorExtension.builder()
      .simulator(s -> {
        s.seedRoomUsers("room-p", ids("u"));
        // g1 has its owner and six members: seven; "owner" owns all seven groups.
        s.seedGroup("g1", "owner", MEMBERS.subList(1, ITEMS));
        GROUPS.subList(1, ITEMS).forEach(g -> s.seedGroup(g, "owner", List.of()));
        s.seedItems("QueryFriendList", items(i -> Map.of("UserId", "f" + i, "UserName", "Friend " + i)));
        s.seedItems("QueryBlacklist", items(i -> Map.of("UserId", "b" + i, "UserName", "Blocked " + i)));
        s.seedItems("FetchForbidGroupList", items(i -> Map.of("GroupId", "muted" + i, "ForbidType", 1)));
        s.seedItems("QueryConversationList", items(i -> Map.of("ConvId", "c" + i, "ConvType", 0, "UpdateTime", 1_700_000_000_000L + i)));
        s.seedItems("QueryPeerMsg", items(i -> message("u2", i)));
        s.seedItems("QueryGroupMsg", items(i -> message("owner", i)));
        s.seedItems("QueryAppCommunityList", items(i -> Map.of("CommunityId", "k" + i, "CommunityName", "Community " + i)));
        // The one action without a limit parameter pages by the simulator's page size.
        s.pageSize("FetchForbidGroupList", PAGE);
        // The app-wide listings allow 1 request a second: raised on both sides so that six pages
        // do not take six seconds. Pacing itself is tested elsewhere.
        s.rateLimit("QueryAppGroupList", 100).rateLimit("QueryAppCommunityList", 100);
      })
      .client(c -> c
          .rateLimit("QueryAppGroupList", 100, Duration.ofSeconds(1))
          .rateLimit("QueryAppCommunityList", 100, Duration.ofSeconds(1)))
      .build();

  private static List<String> ids(String prefix) {
    return IntStream.rangeClosed(1, ITEMS).mapToObj(i -> prefix + i).toList();
  }

  private static List<Map<String, Object>> items(IntFunction<Map<String, Object>> item) {
    return IntStream.rangeClosed(1, ITEMS).mapToObj(item).toList();
  }

  private static Map<String, Object> message(String sender, int i) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("Sender", sender);
    message.put("MsgType", 1);
    message.put("MsgBody", "message " + i);
    message.put("MsgId", 9_000L + i);
    message.put("MsgSeq", (long) i);
    return message;
  }

  /**
   * Walks the listing with both methods and checks the items and the requests: three of the
   * action each time, the first without a cursor (or with the request's own 0), the next ones
   * with the cursors the pages returned.
   */
  private static <T> void walk(
      String action,
      Supplier<Stream<T>> items,
      Supplier<CompletableFuture<List<T>>> itemsAsync,
      Function<T, Object> id,
      List<?> expected) throws Exception {
    ZimSimulator simulator = ZIM.simulator();
    String cursor = simulator.spec().action(action).orElseThrow().pagination().orElseThrow().cursorParameter();

    assertEquals(expected, items.get().map(id).toList(), action + "Items");
    assertRequests(simulator, action, cursor);

    simulator.clearJournal();
    assertEquals(expected, itemsAsync.get().get(10, TimeUnit.SECONDS).stream().map(id).toList(), action + "ItemsAsync");
    assertRequests(simulator, action, cursor);
  }

  private static void assertRequests(ZimSimulator simulator, String action, String cursor) {
    List<JournalEntry> journal = simulator.journal();
    assertEquals(ITEMS / PAGE + 1, journal.size(), action + ": " + journal);
    List<String> sent = new ArrayList<>();
    for (JournalEntry entry : journal) {
      assertEquals(action, entry.action());
      assertEquals(0, entry.code(), entry.message());
      Object value = entry.params().get(cursor);
      sent.add(value == null ? null : value.toString());
    }
    if (sent.get(0) != null) {
      assertEquals("0", sent.get(0), action + ": the first page's cursor");
    }
    assertEquals(CURSORS_AFTER_THE_FIRST, sent.subList(1, sent.size()), action + ": the cursors sent");
  }

  @Test
  void queryRoomUserList(RoomApi rooms) throws Exception {
    walk("QueryRoomUserList",
        () -> rooms.queryRoomUserListItems("room-p", null, PAGE),
        () -> rooms.queryRoomUserListItemsAsync("room-p", null, PAGE),
        user -> user.userId(), ids("u"));
    assertNull(ZIM.simulator().journal().get(0).params().get("NextFlag"), "a GET's first page sends no cursor");
  }

  @Test
  void queryGroupMemberList(GroupApi groups) throws Exception {
    QueryGroupMemberListRequest request = QueryGroupMemberListRequest.builder().groupId("g1").limit(PAGE).build();
    List<String> members = new ArrayList<>(List.of("owner"));
    members.addAll(MEMBERS.subList(1, ITEMS));
    walk("QueryGroupMemberList",
        () -> groups.queryGroupMemberListItems(request),
        () -> groups.queryGroupMemberListItemsAsync(request),
        member -> member.userId(), members);
  }

  @Test
  void queryAppGroupList(GroupApi groups) throws Exception {
    walk("QueryAppGroupList",
        () -> groups.queryAppGroupListItems(PAGE),
        () -> groups.queryAppGroupListItemsAsync(PAGE),
        group -> group.groupId(), GROUPS);
  }

  @Test
  void fetchForbidGroupList(GroupApi groups) throws Exception {
    FetchForbidGroupListRequest request = FetchForbidGroupListRequest.builder().fromUserId("owner").startFlag(0L).build();
    walk("FetchForbidGroupList",
        () -> groups.fetchForbidGroupListItems(request),
        () -> groups.fetchForbidGroupListItemsAsync(request),
        group -> group.groupId(), ids("muted"));
  }

  @Test
  void queryGroupsInfoOfUser(UserApi users) throws Exception {
    QueryGroupsInfoOfUserRequest request = QueryGroupsInfoOfUserRequest.builder().fromUserId("owner").limit(PAGE).build();
    walk("QueryGroupsInfoOfUser",
        () -> users.queryGroupsInfoOfUserItems(request),
        () -> users.queryGroupsInfoOfUserItemsAsync(request),
        group -> group.groupId(), GROUPS);
  }

  @Test
  void queryFriendList(UserApi users) throws Exception {
    walk("QueryFriendList",
        () -> users.queryFriendListItems("u1", PAGE),
        () -> users.queryFriendListItemsAsync("u1", PAGE),
        friend -> friend.userId(), ids("f"));
  }

  @Test
  void queryBlacklist(UserApi users) throws Exception {
    walk("QueryBlacklist",
        () -> users.queryBlacklistItems("u1", PAGE),
        () -> users.queryBlacklistItemsAsync("u1", PAGE),
        blocked -> blocked.userId(), ids("b"));
  }

  @Test
  void queryConversationList(ConversationApi conversations) throws Exception {
    QueryConversationListRequest request = QueryConversationListRequest.builder().fromUserId("u1").limit(PAGE).build();
    walk("QueryConversationList",
        () -> conversations.queryConversationListItems(request),
        () -> conversations.queryConversationListItemsAsync(request),
        conversation -> conversation.convId(), ids("c"));
  }

  @Test
  void queryPeerMsg(ConversationApi conversations) throws Exception {
    QueryPeerMsgRequest request = QueryPeerMsgRequest.builder().fromUserId("u1").toUserId("u2").limit(PAGE).build();
    walk("QueryPeerMsg",
        () -> conversations.queryPeerMsgItems(request),
        () -> conversations.queryPeerMsgItemsAsync(request),
        message -> message.msgSeq(), sequenceNumbers());
  }

  @Test
  void queryGroupMsg(ConversationApi conversations) throws Exception {
    // QueryGroupMsg documents 660600001: the group must exist, and g1 does.
    QueryGroupMsgRequest request = QueryGroupMsgRequest.builder().groupId("g1").limit(PAGE).build();
    walk("QueryGroupMsg",
        () -> conversations.queryGroupMsgItems(request),
        () -> conversations.queryGroupMsgItemsAsync(request),
        message -> message.msgSeq(), sequenceNumbers());
  }

  @Test
  void queryAppCommunityList(CommunityApi communities) throws Exception {
    walk("QueryAppCommunityList",
        () -> communities.queryAppCommunityListItems(PAGE),
        () -> communities.queryAppCommunityListItemsAsync(PAGE),
        community -> community.communityId(), ids("k"));
  }

  /** The sequence numbers 1 to 7 as the records hold them. */
  private static List<Long> sequenceNumbers() {
    return IntStream.rangeClosed(1, ITEMS).mapToObj(i -> (long) i).toList();
  }
}
