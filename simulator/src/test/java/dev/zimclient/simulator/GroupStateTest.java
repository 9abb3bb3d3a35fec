package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups: create, members in and out, listings from state, dismiss, and their not-found and conflict codes. */
class GroupStateTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private ZimSimulator zim;
  private TestGatewayClient client;

  @BeforeEach
  void start() {
    zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).noRateLimits().seedUser("bob", "Bob").start();
    client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
  }

  @AfterEach
  void stop() {
    zim.close();
  }

  private Map<String, Object> create(String body) {
    return client.post("CreateGroup", body);
  }

  @Test
  void createGroupMakesTheOwnerTheFirstMemberAndRefusesAnExistingId() {
    Map<String, Object> created = create("{\"GroupId\":\"team\",\"GroupName\":\"Team\",\"GroupOwner\":\"alice\",\"UserId\":[\"bob\",\"alice\",\"carol\"]}");
    assertEquals(0, code(created));
    assertEquals("team", created.get("GroupId"));
    assertEquals(List.of(Map.of("UserId", "alice", "UserName", ""), Map.of("UserId", "bob", "UserName", "Bob"), Map.of("UserId", "carol", "UserName", "")), created.get("Members"));
    assertEquals(List.of(), created.get("ErrorUsers"));
    assertEquals(List.of("alice", "bob", "carol"), zim.groups().members("team"));

    Map<String, Object> again = create("{\"GroupId\":\"team\",\"GroupOwner\":\"dave\"}");
    assertEquals(660600011, code(again));
    assertEquals("A group with this GroupId already exists.", again.get("Message"));
    assertEquals(List.of("alice", "bob", "carol"), zim.groups().members("team"));
  }

  @Test
  void withoutAGroupIdTheServerPicksOneStartingWithHash() {
    String first = create("{\"GroupOwner\":\"alice\"}").get("GroupId").toString();
    String second = create("{\"GroupOwner\":\"alice\"}").get("GroupId").toString();
    assertTrue(first.startsWith("#") && second.startsWith("#"), first + " " + second);
    assertEquals(List.of(first, second), zim.groups().ids());
  }

  @Test
  void inviteAddsNewMembersOnceAndDropsTheOperator() {
    zim.groups().create("g", "alice", List.of("bob"));
    String invite = "{\"FromUserId\":\"alice\",\"GroupId\":\"%s\",\"GroupMemberInfos\":[{\"UserId\":\"alice\"},{\"UserId\":\"bob\"},{\"UserId\":\"erin\"}],\"UserIds\":[\"ignored\"]}";
    Map<String, Object> invited = client.post("InviteUsersIntoGroup", invite.formatted("g"));
    assertEquals(0, code(invited));
    assertEquals(List.of(), invited.get("ErrorUsers"));
    assertEquals(List.of("alice", "bob", "erin"), zim.groups().members("g"));
    // UserIds serve when GroupMemberInfos is empty.
    assertEquals(0, code(client.post("InviteUsersIntoGroup", "{\"FromUserId\":\"alice\",\"GroupId\":\"g\",\"UserIds\":[\"frank\"]}")));
    assertEquals(List.of("alice", "bob", "erin", "frank"), zim.groups().members("g"));
    assertEquals(660600001, code(client.post("InviteUsersIntoGroup", invite.formatted("nope"))));
  }

  @Test
  void kickoutListsWhoWasNotAMemberAndFailsWhenNoneWas() {
    zim.groups().create("g", "alice", List.of("bob", "carol"));
    Map<String, Object> kicked = client.post("KickoutGroupUser", "{\"FromUserId\":\"alice\",\"GroupId\":\"g\",\"UserId\":[\"bob\",\"dave\"]}");
    assertEquals(0, code(kicked));
    assertEquals(List.of(Map.of("UserId", "dave", "SubCode", 660600008)), kicked.get("ErrorList"));
    assertEquals(List.of("alice", "carol"), zim.groups().members("g"));

    Map<String, Object> none = client.post("KickoutGroupUser", "{\"FromUserId\":\"alice\",\"GroupId\":\"g\",\"UserId\":[\"bob\"]}");
    assertEquals(660600008, code(none));
    assertEquals(List.of(Map.of("UserId", "bob", "SubCode", 660600008)), none.get("ErrorList"));
    assertEquals(660600001, code(client.post("KickoutGroupUser", "{\"FromUserId\":\"alice\",\"GroupId\":\"nope\",\"UserId\":[\"bob\"]}")));
  }

  @Test
  void membersTheAppsGroupsAndAUsersGroupsArePagedFromState() {
    zim.groups().create("g1", "alice", List.of("bob", "carol"));
    zim.groups().create("g2", "bob", List.of());
    zim.groups().create("g3", "dave", List.of("bob"));

    Map<String, Object> members = client.post("QueryGroupMemberList", "{\"GroupId\":\"g1\",\"Limit\":2,\"Next\":0}");
    assertEquals(3, members.get("TotalCount"));
    assertEquals(List.of(
        Map.of("UserId", "alice", "UserName", "", "UserNickName", "", "Role", 1),
        Map.of("UserId", "bob", "UserName", "Bob", "UserNickName", "", "Role", 3)), members.get("MemberList"));
    Map<String, Object> rest = client.post("QueryGroupMemberList", "{\"GroupId\":\"g1\",\"Limit\":2,\"Next\":" + members.get("Next") + "}");
    assertEquals(List.of(Map.of("UserId", "carol", "UserName", "", "UserNickName", "", "Role", 3)), rest.get("MemberList"));
    assertEquals(0, rest.get("Next"));

    Map<String, Object> all = client.get("QueryAppGroupList", "Limit", "10");
    assertEquals(3, all.get("TotalCount"));
    assertEquals(List.of("g1", "g2", "g3"), all.get("GroupIdList") instanceof List<?> l ? l.stream().map(g -> ((Map<?, ?>) g).get("GroupId")).toList() : null);

    Map<String, Object> bobs = client.post("QueryGroupsInfoOfUser", "{\"FromUserId\":\"bob\",\"Limit\":2,\"Next\":\"\"}");
    assertEquals(3, bobs.get("HasJoinGroupNum"));
    assertEquals("2", bobs.get("NextRsp"));
    Map<String, Object> bobsRest = client.post("QueryGroupsInfoOfUser", "{\"FromUserId\":\"bob\",\"Limit\":2,\"Next\":\"2\"}");
    assertEquals(List.of(Map.of("GroupId", "g3", "GroupName", "", "GroupAvatar", "")), bobsRest.get("GroupInfoList"));
    assertEquals("0", bobsRest.get("NextRsp"));
  }

  @Test
  void aDismissedGroupIsNotFoundByEveryActionThatDocumentsIt() {
    zim.groups().create("g", "alice", List.of("bob"));
    assertEquals(0, code(client.get("DismissGroup", "FromUserId", "alice", "GroupId", "g")));
    assertEquals(List.of(), zim.groups().ids());
    assertEquals(660600001, code(client.get("DismissGroup", "FromUserId", "alice", "GroupId", "g")));
    assertEquals(660600001, code(client.post("QueryGroupMemberList", "{\"GroupId\":\"g\"}")));
    // Actions with no Java of their own: a GroupId and a documented 660600001 are enough.
    assertEquals(660600001, code(client.post("SendGroupMessage",
        "{\"FromUserId\":\"alice\",\"GroupId\":\"g\",\"MessageType\":1,\"Priority\":1,\"MessageBody\":{\"Message\":\"hi\"}}")));
    assertEquals(660600001, code(client.get("MuteGroup", "FromUserId", "alice", "GroupId", "g")));
    // Its ID is free again.
    assertEquals(0, code(client.post("CreateGroup", "{\"GroupId\":\"g\",\"GroupOwner\":\"alice\"}")));
  }

  @Test
  void resetBringsBackTheSeededGroups() {
    try (ZimSimulator seeded = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock)
        .seedGroup("g", "alice", List.of("bob")).start()) {
      seeded.groups().dismiss("g");
      seeded.groups().create("other", "x", List.of());
      seeded.reset();
      assertEquals(List.of("g"), seeded.groups().ids());
      assertEquals(List.of("alice", "bob"), seeded.groups().members("g"));
    }
  }
}
