package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every constraint of every action of the real spec is enforced: for each required parameter or
 * field, length, pattern, enumeration, range, item count, entry count and type, in the query and
 * anywhere in a JSON body, a request that breaks only it is refused with an invalid-argument code
 * the action documents (the gateway's 2 when it documents none) and a message naming the place.
 * The broken requests come from the raw YAML, not from the simulator's reading of it.
 */
class EveryActionValidationTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;
  private static final Set<String> PARAMETER_CATEGORIES = Set.of("invalid-argument", "limit-exceeded");

  private static final RawSpec SPEC = RawSpec.REAL;
  private static final SpecRequests REQUESTS = new SpecRequests(SPEC);
  private static ZimSimulator zim;
  private static TestGatewayClient client;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    // The rooms the request examples name exist, so that the attribute actions accept them.
    zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).noRateLimits().journalCapacity(0)
        .seedRoom("room-42")
        .start();
    client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
  }

  @AfterAll
  static void stop() {
    zim.close();
  }

  @TestFactory
  Stream<DynamicTest> everyBrokenConstraintIsRefusedWithTheActionsCodeAndNamed() {
    List<DynamicTest> tests = new ArrayList<>();
    for (RawSpec.Operation op : SPEC.operations()) {
      List<SpecRequests.Broken> broken = REQUESTS.broken(op);
      tests.add(DynamicTest.dynamicTest(op.action() + " (" + broken.size() + " broken requests)", () -> {
        for (SpecRequests.Broken request : broken) {
          Map<String, Object> answer = client.send(request.request());
          String message = String.valueOf(answer.get("Message"));
          int code = code(answer);
          assertTrue(PARAMETER_CATEGORIES.contains(SPEC.category(code)), request + " answered " + answer);
          assertTrue(code == 2 || op.documentedCodes().contains(code), request + ": " + code + " is not documented");
          if (op.documentedCodes().contains(SPEC.code("BUSINESS_PARAMETER_ERROR"))) {
            assertNotEquals(2, code, request + ": the action documents its own parameter error");
          }
          assertTrue(message.contains(request.path()), request + " answered " + message);
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void theBrokenRequestsCoverEveryKindOfConstraint() {
    List<String> what = new ArrayList<>();
    SPEC.operations().forEach(op -> REQUESTS.broken(op).forEach(b -> what.add(b.toString())));
    // One of each, from the spec as it is: a guard against a generator that quietly finds nothing.
    for (String expected : List.of(
        "DestroyRoom: without RoomId",
        "DestroyRoom: RoomId = " + "a".repeat(33),
        "DestroyRoom: RoomId = /",
        "QueryRoomUserList: Limit = 501",
        "QueryRoomUserList: Mode = x",
        "KickoutRoomUser: UserId[] with 51 items",
        "KickoutRoomUser: UserId[0] = /",
        "CreateRoom: Attributes[0].AutoDelete = 2",
        "CreateRoom: without Attributes[0].Key",
        "UserRegister: UserInfo[0].UserName = " + "a".repeat(257),
        "SendPeerMessage: MessageType = 201",
        "SetConvMark: ConvMarkInfoList[0].SetMarkC2c with 101 entries",
        "MuteGroup: MuteRoleList[0] = x")) {
      assertTrue(what.contains(expected), expected + " not among " + what.size());
    }
  }

  @Test
  void everyValidRequestIsAccepted() {
    for (RawSpec.Operation op : SPEC.operations()) {
      Map<String, Object> answer = client.send(REQUESTS.valid(op));
      int code = code(answer);
      // Accepted: a success, or a state answer the action documents (a group that is not there).
      assertTrue(code == 0 || (op.documentedCodes().contains(code) && !PARAMETER_CATEGORIES.contains(SPEC.category(code))),
          op.action() + " refused its valid request: " + answer);
    }
  }
}
