package dev.zimclient.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.zimclient.client.error.ZimInvalidParameterException;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.generated.ZimPages;
import dev.zimclient.generated.api.GroupApi;
import dev.zimclient.generated.model.FetchForbidGroupListItem;
import dev.zimclient.generated.model.FetchForbidGroupListRequest;
import dev.zimclient.generated.model.GroupMemberInfo;
import dev.zimclient.generated.model.QueryAppGroupListItem;
import dev.zimclient.generated.model.QueryGroupMemberListRequest;
import dev.zimclient.generated.model.QueryRoomUserListResponse;
import dev.zimclient.generated.model.RoomUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated paging methods of paginated actions: {@code Pages} and {@code Items} streams over
 * the blocking method, {@code ItemsAsync} and {@code PagesAsync} over the {@code Async} one. Each
 * serves three pages in sequence, matched by the cursor the request carries.
 */
class PaginationTest extends WireMockSupport {
  static final QueryGroupMemberListRequest MEMBERS =
      QueryGroupMemberListRequest.builder().groupId("team-42").limit(2).next(0L).build();
  static final FetchForbidGroupListRequest MUTED =
      FetchForbidGroupListRequest.builder().fromUserId("admin").startFlag(0L).build();

  GroupApi groups;

  @BeforeEach
  void groups() {
    groups = client.create(GroupApi.class);
  }

  // ---- QueryRoomUserList: GET, string cursor in the query, ends on an empty or "0" NextFlag ----

  /** Pages "", "p2", "p3" of room-1: users a b, c, d e; the last page ends with {@code last}. */
  static void stubRoomUsers(String last) {
    stub(action("QueryRoomUserList").withQueryParam("NextFlag", absent())
        .willReturn(roomUsers("p2", "a", "b")));
    stub(action("QueryRoomUserList").withQueryParam("NextFlag", equalTo("p2"))
        .willReturn(roomUsers("p3", "c")));
    stub(action("QueryRoomUserList").withQueryParam("NextFlag", equalTo("p3"))
        .willReturn(roomUsers(last, "d", "e")));
  }

  static ResponseDefinitionBuilder roomUsers(String nextFlag, String... users) {
    StringBuilder list = new StringBuilder();
    for (String user : users) {
      list.append(list.length() == 0 ? "" : ",").append("{\"UserId\":\"").append(user)
          .append("\",\"UserName\":\"").append(user.toUpperCase()).append("\"}");
    }
    return json("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\",\"Count\":5,\"NextFlag\":\""
        + nextFlag + "\",\"UserList\":[" + list + "]}");
  }

  static List<RoomUser> users(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> new RoomUser(id, id.toUpperCase())).toList();
  }

  @Test
  void itemsOfAGetActionFollowTheQueryCursorInThreeSignedRequests() {
    stubRoomUsers("");

    List<RoomUser> all = rooms.queryRoomUserListItems("room-1", 1, 2).toList();

    assertEquals(users("a", "b", "c", "d", "e"), all);
    List<LoggedRequest> sent = requests();
    assertEquals(3, sent.size());
    List<String> cursors = new ArrayList<>();
    Set<String> nonces = new HashSet<>();
    for (LoggedRequest request : sent) {
      Map<String, List<String>> query = rawQuery(request);
      assertEquals("GET", request.getMethod().getName());
      assertEquals("room-1", first(query, "RoomId"));
      assertEquals("1", first(query, "Mode"));
      assertEquals("2", first(query, "Limit"));
      assertEquals(Md5.hex(APP_ID + first(query, "SignatureNonce") + SECRET + first(query, "Timestamp")),
          first(query, "Signature"));
      nonces.add(first(query, "SignatureNonce"));
      cursors.add(first(query, "NextFlag"));
    }
    assertEquals(java.util.Arrays.asList(null, "p2", "p3"), cursors, "the first page is read without NextFlag");
    assertEquals(3, nonces.size(), "each page is signed afresh");
  }

  @Test
  void pagesAreTheResponsesInOrderAndAZeroCursorEndsThem() {
    stubRoomUsers("0");

    List<QueryRoomUserListResponse> pages = rooms.queryRoomUserListPages("room-1", null, null).toList();

    assertEquals(List.of("p2", "p3", "0"), pages.stream().map(QueryRoomUserListResponse::nextFlag).toList());
    assertEquals(users("d", "e"), pages.get(2).userList());
    assertEquals(3, requests().size());
  }

  @Test
  void pagesAreFetchedOnlyWhenTheStreamNeedsThem() {
    stubRoomUsers("");

    var pages = rooms.queryRoomUserListPages("room-1", null, null);
    assertEquals(0, requests().size(), "making the stream sends nothing");
    assertEquals(new RoomUser("a", "A"), rooms.queryRoomUserListItems("room-1", null, null).findFirst().orElseThrow());
    assertEquals(1, requests().size(), "the first item takes one page");
    assertEquals(users("a", "b", "c"), rooms.queryRoomUserListItems("room-1", null, null).limit(3).toList());
    assertEquals(3, requests().size(), "three items take the first two pages");
    pages.close();
  }

  @Test
  void aRepeatedCursorStopsTheStreamAfterThePageThatRepeatedIt() {
    stub(action("QueryRoomUserList").withQueryParam("NextFlag", absent()).willReturn(roomUsers("p2", "a", "b")));
    stub(action("QueryRoomUserList").withQueryParam("NextFlag", equalTo("p2")).willReturn(roomUsers("p2", "c")));

    List<RoomUser> seen = new ArrayList<>();
    Iterator<RoomUser> items = rooms.queryRoomUserListItems("room-1", null, null).iterator();
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> items.forEachRemaining(seen::add));

    assertEquals(users("a", "b", "c"), seen, "every page before the repeat is delivered");
    assertTrue(error.getMessage().contains("QueryRoomUserList") && error.getMessage().contains("p2"), error.getMessage());
    assertEquals(2, requests().size());
  }

  @Test
  void argumentsAreCheckedWhenTheFirstPageIsFetched() {
    var users = rooms.queryRoomUserListItems("room-1", null, 501);
    ZimInvalidParameterException error = assertThrows(ZimInvalidParameterException.class, users::toList);
    assertEquals("Limit", error.parameter());
    assertThrows(ZimInvalidParameterException.class, () -> rooms.queryRoomUserListItemsAsync("", null, null));
    assertEquals(0, requests().size());
  }

  // ---- QueryGroupMemberList: POST, the body's Next replaced page by page ----

  static void stubMembers() {
    stub(members(0).willReturn(memberPage(100, "alice", "bob")));
    stub(members(100).willReturn(memberPage(200, "carol")));
    stub(members(200).willReturn(memberPage(0, "dave", "erin")));
  }

  static com.github.tomakehurst.wiremock.client.MappingBuilder members(long next) {
    return action("QueryGroupMemberList")
        .withRequestBody(equalToJson("{\"GroupId\":\"team-42\",\"Limit\":2,\"Next\":" + next + "}"));
  }

  static ResponseDefinitionBuilder memberPage(long next, String... members) {
    StringBuilder list = new StringBuilder();
    for (String member : members) {
      list.append(list.length() == 0 ? "" : ",").append("{\"UserId\":\"").append(member).append("\",\"Role\":3}");
    }
    return json("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\",\"TotalCount\":5,\"Next\":" + next
        + ",\"MemberList\":[" + list + "]}");
  }

  static List<String> ids(List<GroupMemberInfo> members) {
    return members.stream().map(GroupMemberInfo::userId).toList();
  }

  @Test
  void itemsOfAPostActionReplaceTheBodysCursorAndKeepTheRest() {
    stubMembers();

    assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), ids(groups.queryGroupMemberListItems(MEMBERS).toList()));

    List<LoggedRequest> sent = requests();
    assertEquals(3, sent.size());
    assertTrue(sent.stream().allMatch(request -> request.getMethod().getName().equals("POST")));
    assertEquals(0L, MEMBERS.next(), "the caller's request is left as it was");
  }

  @Test
  void theItemsOfAPostActionComeAsynchronously() throws Exception {
    stubMembers();

    CompletableFuture<List<GroupMemberInfo>> all = groups.queryGroupMemberListItemsAsync(MEMBERS);

    assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), ids(all.get(5, TimeUnit.SECONDS)));
    assertEquals(3, requests().size());
  }

  @Test
  void theAsyncFormWaitsOnNoThread() throws Exception {
    stub(members(0).willReturn(memberPage(100, "alice").withFixedDelay(600)));
    stub(members(100).willReturn(memberPage(0, "bob").withFixedDelay(600)));

    long start = System.nanoTime();
    CompletableFuture<List<GroupMemberInfo>> all = groups.queryGroupMemberListItemsAsync(MEMBERS);
    long returnedAfter = System.nanoTime() - start;

    assertFalse(all.isDone());
    assertTrue(returnedAfter < Duration.ofMillis(500).toNanos(), "returned after " + returnedAfter / 1_000_000 + " ms");
    assertEquals(List.of("alice", "bob"), ids(all.get(5, TimeUnit.SECONDS)));
  }

  @Test
  void aFailedPageFailsTheAsyncFormWithTheTypedException() {
    stub(members(0).willReturn(memberPage(100, "alice")));
    stub(members(100).willReturn(example("QueryGroupMemberList", "groupNotFound")));

    Throwable failure = groups.queryGroupMemberListItemsAsync(MEMBERS).handle((items, error) -> error).join();

    assertInstanceOf(ZimNotFoundException.class, failure, "the typed exception itself, not wrapped");
    assertEquals(2, requests().size());
  }

  @Test
  void eachPageIsRetriedLikeAnyCall() {
    stub(members(0).willReturn(memberPage(100, "alice")));
    stub(members(100).inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(example("QueryGroupMemberList", "memberListQueryFailed")));
    stub(members(100).inScenario("busy").whenScenarioStateIs("ok").willReturn(memberPage(0, "bob")));

    assertEquals(List.of("alice", "bob"), ids(groups.queryGroupMemberListItems(MEMBERS).toList()));
    assertEquals(3, requests().size(), "the second page's retry is the third request");
  }

  @Test
  void cancellingTheAsyncFormCancelsThePageInFlightAndAsksForNoMore() throws Exception {
    stub(members(0).willReturn(memberPage(100, "alice")));
    stub(members(100).willReturn(memberPage(200, "bob").withFixedDelay(500)));
    stub(members(200).willReturn(memberPage(0, "carol")));

    CompletableFuture<List<GroupMemberInfo>> all = groups.queryGroupMemberListItemsAsync(MEMBERS);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (requests().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(all.cancel(true));
    Thread.sleep(800);

    assertEquals(2, requests().size(), "no page after the cancelled one");
  }

  @Test
  void aRepeatedCursorFailsTheAsyncForm() {
    stub(members(0).willReturn(memberPage(100, "alice")));
    stub(members(100).willReturn(memberPage(100, "bob")));

    Throwable failure = groups.queryGroupMemberListItemsAsync(MEMBERS).handle((items, error) -> error).join();

    assertInstanceOf(IllegalStateException.class, failure);
    assertTrue(failure.getMessage().contains("QueryGroupMemberList"), failure.getMessage());
    assertEquals(2, requests().size());
  }

  // ---- FetchForbidGroupList: POST, ends when FetchEnd is 1, whatever the cursor ----

  static com.github.tomakehurst.wiremock.client.MappingBuilder muted(long startFlag) {
    return action("FetchForbidGroupList")
        .withRequestBody(equalToJson("{\"FromUserId\":\"admin\",\"StartFlag\":" + startFlag + "}"));
  }

  static ResponseDefinitionBuilder mutedPage(int fetchEnd, long nextFlag, String... groupIds) {
    StringBuilder list = new StringBuilder();
    for (String group : groupIds) {
      list.append(list.length() == 0 ? "" : ",").append("{\"GroupId\":\"").append(group).append("\",\"ForbidType\":1}");
    }
    return json("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\",\"FetchEnd\":" + fetchEnd
        + ",\"NextFlag\":" + nextFlag + ",\"GroupList\":[" + list + "]}");
  }

  @Test
  void aDoneFieldEndsTheWalk() {
    stub(muted(0).willReturn(mutedPage(0, 7, "g1", "g2")));
    stub(muted(7).willReturn(mutedPage(0, 9, "g3")));
    stub(muted(9).willReturn(mutedPage(1, 12, "g4")));

    List<String> all = groups.fetchForbidGroupListItems(MUTED).map(FetchForbidGroupListItem::groupId).toList();

    assertEquals(List.of("g1", "g2", "g3", "g4"), all, "a cursor left on the last page is not followed");
    assertEquals(3, requests().size());
  }

  @Test
  void aDoneFieldWalkDoesNotStopOnAZeroCursorButRefusesToStartOver() {
    stub(muted(0).willReturn(mutedPage(0, 7, "g1")));
    stub(muted(7).willReturn(mutedPage(0, 0, "g2")));

    List<String> seen = new ArrayList<>();
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> groups.fetchForbidGroupListItems(MUTED).forEach(group -> seen.add(group.groupId())));

    assertEquals(List.of("g1", "g2"), seen);
    assertTrue(error.getMessage().contains("FetchForbidGroupList"), error.getMessage());
    assertEquals(2, requests().size());
  }

  @Test
  void theAsyncFormOfADoneFieldWalk() throws Exception {
    stub(muted(0).willReturn(mutedPage(0, 7, "g1", "g2")));
    stub(muted(7).willReturn(mutedPage(0, 9, "g3")));
    stub(muted(9).willReturn(mutedPage(1, 0)));

    List<FetchForbidGroupListItem> all = groups.fetchForbidGroupListItemsAsync(MUTED).get(5, TimeUnit.SECONDS);

    assertEquals(List.of("g1", "g2", "g3"), all.stream().map(FetchForbidGroupListItem::groupId).toList());
    assertEquals(3, requests().size());
  }

  // ---- Pacing: pages take permits of the action's limiter like any call ----

  @Test
  void pagesArePacedByTheActionsRateLimit() {
    client.close();
    client = clientBuilder().rateLimit("QueryAppGroupList", 5, Duration.ofSeconds(1)).build();
    groups = client.create(GroupApi.class);
    stub(action("QueryAppGroupList").withQueryParam("Next", absent()).willReturn(appGroups(11, "g1")));
    stub(action("QueryAppGroupList").withQueryParam("Next", equalTo("11")).willReturn(appGroups(22, "g2")));
    stub(action("QueryAppGroupList").withQueryParam("Next", equalTo("22")).willReturn(appGroups(0, "g3")));

    long start = System.nanoTime();
    List<String> all = groups.queryAppGroupListItems(10).map(QueryAppGroupListItem::groupId).toList();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(List.of("g1", "g2", "g3"), all);
    assertTrue(took.compareTo(Duration.ofMillis(380)) >= 0, "three pages at 5/s took " + took.toMillis() + " ms");
  }

  static ResponseDefinitionBuilder appGroups(long next, String group) {
    return json("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\",\"TotalCount\":3,\"Next\":" + next
        + ",\"GroupIdList\":[{\"GroupId\":\"" + group + "\",\"GroupName\":\"G\"}]}");
  }

  // ---- PagesAsync: a Flow.Publisher that fetches a page per request(n) ----

  @Test
  void thePublisherFetchesAPageOnlyWhenOneIsRequested() throws Exception {
    stubRoomUsers("0");
    Recorder<QueryRoomUserListResponse> subscriber = new Recorder<>();

    rooms.queryRoomUserListPagesAsync("room-1", null, null).subscribe(subscriber);
    Flow.Subscription subscription = subscriber.subscription();
    Thread.sleep(100);
    assertEquals(0, requests().size(), "nothing before a request");

    subscription.request(1);
    assertEquals("p2", ((QueryRoomUserListResponse) subscriber.next()).nextFlag());
    Thread.sleep(100);
    assertEquals(1, requests().size(), "no page ahead of the demand");

    subscription.request(5);
    assertEquals("p3", ((QueryRoomUserListResponse) subscriber.next()).nextFlag());
    assertEquals("0", ((QueryRoomUserListResponse) subscriber.next()).nextFlag());
    assertEquals(Recorder.COMPLETE, subscriber.next());
    assertEquals(3, requests().size());
  }

  @Test
  void aSubscriberThatCancelsStopsTheWalk() throws Exception {
    stubRoomUsers("0");
    Recorder<QueryRoomUserListResponse> subscriber = new Recorder<>();

    rooms.queryRoomUserListPagesAsync("room-1", null, null).subscribe(subscriber);
    subscriber.subscription().request(1);
    subscriber.next();
    subscriber.subscription().cancel();
    subscriber.subscription().request(1);
    Thread.sleep(150);

    assertEquals(1, requests().size());
    assertNull(subscriber.poll(), "no signal after cancel");
  }

  @Test
  void thePublisherEndsWithAnErrorOnARepeatedCursor() throws Exception {
    stub(action("QueryRoomUserList").withQueryParam("NextFlag", absent()).willReturn(roomUsers("p2", "a")));
    stub(action("QueryRoomUserList").withQueryParam("NextFlag", equalTo("p2")).willReturn(roomUsers("p2", "b")));
    Recorder<QueryRoomUserListResponse> subscriber = new Recorder<>();

    rooms.queryRoomUserListPagesAsync("room-1", null, null).subscribe(subscriber);
    subscriber.subscription().request(Long.MAX_VALUE);

    assertTrue(subscriber.next() instanceof QueryRoomUserListResponse);
    assertTrue(subscriber.next() instanceof QueryRoomUserListResponse);
    Object error = subscriber.next();
    assertInstanceOf(IllegalStateException.class, error);
    assertEquals(2, requests().size());
  }

  @Test
  void aBadArgumentEndsThePublisherWithAnError() throws Exception {
    Recorder<QueryRoomUserListResponse> subscriber = new Recorder<>();
    rooms.queryRoomUserListPagesAsync("room-1", 7, null).subscribe(subscriber);
    subscriber.subscription().request(1);

    assertInstanceOf(ZimInvalidParameterException.class, subscriber.next());
    assertEquals(0, requests().size());
  }

  // ---- The end tests themselves ----

  @Test
  void endTests() {
    for (Object end : java.util.Arrays.asList(null, "", "0", 0, 0L)) {
      assertTrue(ZimPages.isEmptyOrZero(end), String.valueOf(end));
    }
    for (Object more : List.of("p2", " ", "00x", 7, -1L)) {
      assertFalse(ZimPages.isEmptyOrZero(more), String.valueOf(more));
    }
    for (Object done : List.of(true, 1, 1L)) {
      assertTrue(ZimPages.isSet(done), String.valueOf(done));
    }
    for (Object notDone : java.util.Arrays.asList(null, false, 0, 2, "1")) {
      assertFalse(ZimPages.isSet(notDone), String.valueOf(notDone));
    }
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** Records a subscriber's signals: pages, then {@link #COMPLETE} or the error. */
  static final class Recorder<T> implements Flow.Subscriber<T> {
    static final Object COMPLETE = "complete";
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.complete(s);
    }

    @Override
    public void onNext(T item) {
      signals.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      signals.add(throwable);
    }

    @Override
    public void onComplete() {
      signals.add(COMPLETE);
    }

    Flow.Subscription subscription() throws Exception {
      return subscription.get(5, TimeUnit.SECONDS);
    }

    Object next() throws InterruptedException {
      Object signal = signals.poll(5, TimeUnit.SECONDS);
      if (signal == null) {
        throw new AssertionError("no signal within 5 s");
      }
      return signal;
    }

    Object poll() {
      return signals.poll();
    }
  }
}
