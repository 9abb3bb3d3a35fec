package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which code an invalid request gets: the one the action documents for the broken constraint,
 * else its own parameter-error code, else the gateway's 2; the HTTP method and the JSON framing
 * are the gateway's concern and always 2.
 */
class ParameterErrorCodeTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;

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

  private static String users(int count) {
    return String.join(",", Collections.nCopies(count, "\"u\""));
  }

  @Test
  void anActionWithoutAParameterCodeOfItsOwnAnswersTheGatewaysTwo() {
    Map<String, Object> answer = client.get("DestroyRoom");
    assertEquals(2, code(answer));
    assertEquals("Input parameter error: RoomId is required", answer.get("Message"));
  }

  @Test
  void anActionThatDocumentsTheBusinessParameterErrorAnswersIt() {
    Map<String, Object> answer = client.post("QueryRoomAttribute", "{\"FromUserId\":\"u\"}");
    assertEquals(660000002, code(answer));
    assertEquals("Business parameter error: RoomId is required", answer.get("Message"));
  }

  @Test
  void tooManyUsersInTheListHasItsCodeWhereDocumented() {
    StringBuilder query = new StringBuilder("RoomId=r");
    for (int i = 0; i < 51; i++) {
      query.append("&UserId[]=u").append(i);
    }
    Map<String, Object> answer = client.getRaw("KickoutRoomUser", query.toString());
    assertEquals(660000011, code(answer));
    assertEquals("Too many users in the list: UserId[] must have at most 50 items (got 51)", answer.get("Message"));

    assertEquals(660600016, code(client.post("CreateGroup", "{\"GroupOwner\":\"o\",\"UserId\":[" + users(101) + "]}")));
    assertEquals(660900007, code(client.post("CallInvite", "{\"FromUserId\":\"f\",\"UserIds\":[" + users(10) + "],\"OfflinePush\":{}}")));
    assertEquals(660800039, code(client.post("AddUsersToBlacklist", "{\"FromUserId\":\"f\",\"UserIds\":[" + users(21) + "]}")));
    assertEquals(660400102, code(client.post("C2cDeliveryReceipt", "{\"FromUserId\":\"f\",\"ConvId\":\"c\",\"ConvMsgSeq\":[1,2,3,4,5,6,7,8,9,10,11]}")));
  }

  @Test
  void aNestedListTooLongIsAnOrdinaryParameterError() {
    String attributes = String.join(",", Collections.nCopies(6, "{\"Key\":\"k0\",\"Value\":\"v\"}"));
    Map<String, Object> answer = client.post("AddFriends", "{\"FromUserId\":\"f\",\"FriendInfos\":[{\"UserId\":\"u\",\"Attributes\":[" + attributes + "]}]}");
    assertEquals(660000002, code(answer));
    assertEquals("Business parameter error: FriendInfos[0].Attributes must have at most 5 items (got 6)", answer.get("Message"));
    assertEquals(660800019, code(client.post("AddFriends", "{\"FromUserId\":\"f\",\"FriendInfos\":[" + String.join(",", Collections.nCopies(51, "{\"UserId\":\"u\"}")) + "]}")));
  }

  @Test
  void fieldsTooLongHaveTheirCodesWhereDocumented() {
    Map<String, Object> name = client.post("UserRegister", "{\"UserInfo\":[{\"UserId\":\"u\",\"UserName\":\"" + "n".repeat(257) + "\"}]}");
    assertEquals(660700006, code(name));
    assertEquals("UserName is longer than 256 bytes: UserInfo[0].UserName must be at most 256 bytes long (got 257)", name.get("Message"));
    assertEquals(660700007, code(client.post("UserRegister", "{\"UserInfo\":[{\"UserId\":\"u\",\"UserAvatar\":\"" + "a".repeat(501) + "\"}]}")));
    assertEquals(660000012, code(client.post("UserRegister", "{\"UserInfo\":[{\"UserId\":\"" + "u".repeat(33) + "\"}]}")));
    assertEquals(660800021, code(client.post("AddFriends", "{\"FromUserId\":\"f\",\"FriendInfos\":[{\"UserId\":\"u\",\"Wording\":\"" + "w".repeat(1025) + "\"}]}")));
    // The same UserId where the action documents no USER_ID_TOO_LONG.
    assertEquals(660000002, code(client.post("QueryRoomAttribute", "{\"FromUserId\":\"" + "u".repeat(33) + "\",\"RoomId\":\"r\"}")));
    // Other constraints of a field with a length code keep the generic one.
    assertEquals(660000002, code(client.post("UserRegister", "{\"UserInfo\":[{\"UserId\":\"u/1\"}]}")));
  }

  @Test
  void methodAndFramingAreTheGatewaysConcern() {
    assertEquals(2, code(client.get("QueryRoomAttribute")));
    Map<String, Object> notJson = client.post("QueryRoomAttribute", "{\"FromUserId\":");
    assertEquals(2, code(notJson));
    assertEquals("Input parameter error: the body is not valid JSON", notJson.get("Message"));
  }
}
