package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every action of the real spec is served with no Java of its own: a valid request answers the
 * action's success example, with a fresh RequestId where the answer has one, unless state
 * decides the answer. A paginated action without state pages its example's items.
 */
class EveryActionServedTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;

  /** The actions whose answer comes from the simulator's state rather than from the example. */
  private static final Set<String> FROM_STATE = Set.of(
      "DestroyRoom", "CreateRoom", "QueryRoomUserList", "QueryRoomMembers", "KickoutRoomUser",
      "QueryRoomAttribute", "ModifyRoomAttribute", "UserRegister", "CreateGroup", "DismissGroup",
      "InviteUsersIntoGroup", "KickoutGroupUser", "QueryGroupMemberList", "QueryAppGroupList",
      "QueryGroupsInfoOfUser");

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private ZimSimulator zim;
  private TestGatewayClient client;

  @BeforeEach
  void start() {
    zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).noRateLimits().start();
    client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
  }

  @AfterEach
  void stop() {
    zim.close();
  }

  @Test
  void everyActionWithoutStateAnswersItsSuccessExample() {
    SpecRequests requests = new SpecRequests(RawSpec.REAL);
    int served = 0;
    for (RawSpec.Operation op : RawSpec.REAL.operations()) {
      if (FROM_STATE.contains(op.action())) {
        continue;
      }
      SpecRequests.Request request = requests.valid(op);
      createWhatItNames(request);
      Map<String, Object> answer = client.send(request);
      Map<String, Object> expected = new LinkedHashMap<>(op.responseExample("success"));
      if (expected.containsKey("RequestId")) {
        assertNotNull(answer.get("RequestId"), op.action());
        assertFalse(answer.get("RequestId").equals(expected.get("RequestId")), op.action() + ": the example's RequestId");
        expected.put("RequestId", answer.get("RequestId"));
      }
      Map<String, Object> pagination = op.pagination();
      if (!pagination.isEmpty()) {
        // Every item of the example fits on the first page, which is then the last.
        String cursor = pagination.get("cursorField").toString();
        expected.put(cursor, expected.get(cursor) instanceof String ? "0" : 0);
        if (pagination.get("doneField") != null) {
          expected.put(pagination.get("doneField").toString(), 1);
        }
      }
      assertEquals(expected, answer, op.action());
      served++;
    }
    assertEquals(RawSpec.REAL.operations().size() - FROM_STATE.size(), served);
  }

  // The generic not-found checks would answer for a room or group that does not exist.
  private void createWhatItNames(SpecRequests.Request request) {
    Object roomId = request.body() != null ? request.body().get("RoomId") : first(request.query().get("RoomId"));
    Object groupId = request.body() != null ? request.body().get("GroupId") : first(request.query().get("GroupId"));
    if (roomId != null) {
      zim.seedRoom(roomId.toString());
    }
    if (groupId != null) {
      zim.groups().create(groupId.toString(), "owner", List.of());
    }
  }

  private static Object first(List<String> values) {
    return values == null ? null : values.get(0);
  }

  @Test
  void theAudioLicenceServedByAnotherHostIsAnsweredWithoutRequestId() {
    Map<String, Object> answer = client.get("CgiDescribeZIMAudioLicense");
    assertEquals(0, code(answer));
    assertEquals(List.of("Code", "Message", "Data"), List.copyOf(answer.keySet()));
    assertEquals(Map.of("License", "3q2+7wAAAAFsaWNlbnNlLWV4YW1wbGU="), answer.get("Data"));
    // Refusals too: the host's answers have no RequestId at all; the journal still tells them apart.
    Map<String, Object> wrongMethod = client.post("CgiDescribeZIMAudioLicense", "{}");
    assertEquals(2, code(wrongMethod));
    assertFalse(wrongMethod.containsKey("RequestId"));
    assertNotNull(zim.journal().get(1).requestId());
  }
}
