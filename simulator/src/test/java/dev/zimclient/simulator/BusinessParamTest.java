package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Business parameters against the spec, and the exact decoding of what OkHttp sends. */
class BusinessParamTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;
  /** A letter plus every special character ZEGO allows in a RoomId: 28 bytes. */
  static final String EVERY_ALLOWED_SPECIAL = "a !#$%&()+-:;<=.>?@[]^_{}|~,";

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
  private ZimSimulator zim;
  private TestGatewayClient client;

  @BeforeEach
  void start() {
    zim = ZimSimulator.builder()
        .app(APP_ID, SECRET)
        .clock(clock)
        .specResource("zim/simulator-test-spec.yaml")
        .start();
    client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
  }

  @AfterEach
  void stop() {
    zim.close();
  }

  private static String message(Map<String, Object> answer) {
    return answer.get("Message").toString();
  }

  @Test
  void aMissingRoomIdIsAnInputParameterError() {
    Map<String, Object> answer = client.get("DestroyRoom");
    assertEquals(2, code(answer));
    assertEquals("Input parameter error: RoomId is required", message(answer));
    assertEquals(2, code(client.get("DestroyRoom", "RoomId", "")));
  }

  @Test
  void aRoomIdWithAForbiddenCharacterIsRejected() {
    zim.seedRoom("a/b");
    for (String bad : List.of("a/b", "a*b", "a\"b", "é", "a'b", "a\\b", "a`b")) {
      zim.seedRoom(bad);
      Map<String, Object> answer = client.get("DestroyRoom", "RoomId", bad);
      assertEquals(2, code(answer), bad);
      assertTrue(message(answer).startsWith("Input parameter error: RoomId does not match the pattern"), message(answer));
      assertTrue(zim.rooms().contains(bad));
    }
  }

  @Test
  void lengthsAreCheckedInBytes() {
    assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r".repeat(32))));
    Map<String, Object> answer = client.get("DestroyRoom", "RoomId", "r".repeat(33));
    assertEquals(2, code(answer));
    assertEquals("Input parameter error: RoomId must be at most 32 bytes long (got 33)", message(answer));
  }

  @Test
  void anOptionalParameterIsCheckedWhenPresent() {
    Map<String, Object> answer = client.get("DestroyRoom", "RoomId", "r", "FromUserId", "u/1");
    assertEquals(2, code(answer));
    assertTrue(message(answer).contains("FromUserId"), message(answer));
  }

  @Test
  void everyAllowedSpecialCharacterArrivesByteExact() {
    zim.seedRoom(EVERY_ALLOWED_SPECIAL);
    HttpUrl url = client.url("DestroyRoom", "RoomId", EVERY_ALLOWED_SPECIAL);
    // OkHttp encodes the space as %20 and the plus as %2B.
    assertTrue(url.encodedQuery().contains("RoomId=a%20"), url.encodedQuery());
    assertTrue(url.encodedQuery().contains("%2B"), url.encodedQuery());

    Map<String, Object> answer = client.get(url);

    assertEquals(0, code(answer), answer.toString());
    assertFalse(zim.rooms().contains(EVERY_ALLOWED_SPECIAL));
    JournalEntry entry = zim.journal().get(0);
    assertEquals(EVERY_ALLOWED_SPECIAL, entry.params().get("RoomId"));
    assertEquals(url.encodedQuery(), entry.rawQuery());
  }

  @Test
  void aRawPlusIsASpace() {
    zim.seedRoom("a b");
    assertEquals(0, code(client.getRaw("DestroyRoom", "RoomId=a+b")));
    zim.seedRoom("a+b");
    assertEquals(0, code(client.getRaw("DestroyRoom", "RoomId=a%2Bb")));
    assertEquals(List.of(), List.copyOf(zim.rooms()));
  }

  @Test
  void invalidUtf8NamesTheParameter() {
    Map<String, Object> answer = client.getRaw("DestroyRoom", "RoomId=a%C3%28");
    assertEquals(2, code(answer));
    assertEquals("Input parameter error: RoomId is not valid percent-encoded UTF-8", message(answer));
  }

  @Test
  void rawBytesBeyondAsciiCountAsUtf8AndBrokenOnesNameTheParameter() throws IOException {
    // C3 A9 is a raw "é": decoded, then refused by the RoomId pattern like an escaped one.
    Map<String, Object> utf8 = getWithRawBytes("DestroyRoom", new byte[] {'R', 'o', 'o', 'm', 'I', 'd', '=', (byte) 0xC3, (byte) 0xA9});
    assertTrue(message(utf8).startsWith("Input parameter error: RoomId does not match the pattern"), message(utf8));
    // A lone E9 is not UTF-8: named as broken, as a broken escape is.
    Map<String, Object> broken = getWithRawBytes("DestroyRoom", new byte[] {'R', 'o', 'o', 'm', 'I', 'd', '=', 'a', (byte) 0xE9});
    assertEquals("Input parameter error: RoomId is not valid percent-encoded UTF-8", message(broken));
  }

  /** GET over a raw socket, so that bytes beyond ASCII go unescaped, which OkHttp never sends. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> getWithRawBytes(String action, byte[] rawBusinessQuery) throws IOException {
    HttpUrl signed = client.url(action);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("GET /?" + signed.encodedQuery() + "&").getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(rawBusinessQuery);
    request.writeBytes(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    try (Socket socket = new Socket(signed.host(), signed.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.toByteArray());
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new ObjectMapper().readValue(response.substring(response.indexOf("\r\n\r\n") + 4), Map.class);
    }
  }

  @Test
  void aBrokenPercentEscapeNamesTheParameter() {
    Map<String, Object> answer = client.getRaw("DestroyRoom", "RoomId=a%zz");
    assertEquals(2, code(answer));
    assertEquals("Input parameter error: RoomId is not valid percent-encoded UTF-8", message(answer));
  }

  @Test
  void arrayParametersAcceptRawAndEncodedBrackets() {
    Map<String, Object> answer = client.getRaw("QueryRoomGuests", "RoomId=r&UserId[]=a&UserId%5B%5D=b+c");
    assertEquals(0, code(answer), answer.toString());
    assertEquals(List.of("a", "b c"), zim.journal().get(0).params().get("UserId"));

    // OkHttp's own encoding of the key.
    assertEquals(0, code(client.get("QueryRoomGuests", "UserId[]", "x", "RoomId", "r")));
    assertEquals(List.of("x"), zim.journal().get(1).params().get("UserId"));
  }

  @Test
  void arrayItemsAreChecked() {
    Map<String, Object> tooMany = client.get("QueryRoomGuests", "RoomId", "r", "UserId[]", "a", "UserId[]", "b", "UserId[]", "c", "UserId[]", "d");
    assertEquals(2, code(tooMany));
    assertEquals("Input parameter error: UserId[] must have at most 3 items (got 4)", message(tooMany));
    Map<String, Object> badItem = client.get("QueryRoomGuests", "RoomId", "r", "UserId[]", "a", "UserId[]", "b/c");
    assertEquals(2, code(badItem));
    assertTrue(message(badItem).startsWith("Input parameter error: UserId[1] does not match"), message(badItem));
    assertEquals("Input parameter error: UserId[] is required", message(client.get("QueryRoomGuests", "RoomId", "r")));
  }

  @Test
  void typedQueryParameters() {
    assertEquals(0, code(client.get("QueryRoomUserList", "RoomId", "r", "Mode", "1", "Limit", "500", "Verbose", "true")));
    assertEquals("Input parameter error: Limit must be at most 500", message(client.get("QueryRoomUserList", "RoomId", "r", "Limit", "501")));
    assertEquals("Input parameter error: Mode must be one of [0, 1]", message(client.get("QueryRoomUserList", "RoomId", "r", "Mode", "2")));
    assertEquals("Input parameter error: Limit must be an integer", message(client.get("QueryRoomUserList", "RoomId", "r", "Limit", "ten")));
    assertEquals("Input parameter error: Verbose must be true or false", message(client.get("QueryRoomUserList", "RoomId", "r", "Verbose", "yes")));
  }

  @Test
  void postBodiesAreCheckedAgainstTheSchema() {
    assertEquals(0, code(client.post("CreateRoom", "{\"FromUserId\":\"u1\",\"RoomId\":\"r1\",\"DestroyDelayTime\":10800,\"Attributes\":[{\"Key\":\"k\",\"Value\":\"v\",\"AutoDelete\":1}]}")));
    assertEquals("Input parameter error: FromUserId is required", message(client.post("CreateRoom", "{\"RoomId\":\"r2\"}")));
    assertEquals("Input parameter error: RoomId must be a string", message(client.post("CreateRoom", "{\"FromUserId\":\"u1\",\"RoomId\":7}")));
    assertEquals("Input parameter error: DestroyDelayTime must be at most 10800", message(client.post("CreateRoom", "{\"FromUserId\":\"u1\",\"RoomId\":\"r2\",\"DestroyDelayTime\":10801}")));
    assertEquals("Input parameter error: DestroyDelayTime must be an integer", message(client.post("CreateRoom", "{\"FromUserId\":\"u1\",\"RoomId\":\"r2\",\"DestroyDelayTime\":1.5}")));
    assertEquals("Input parameter error: Attributes[0].Value is required", message(client.post("CreateRoom", "{\"FromUserId\":\"u1\",\"RoomId\":\"r2\",\"Attributes\":[{\"Key\":\"k\"}]}")));
    assertEquals("Input parameter error: Attributes[0].AutoDelete must be one of [0, 1]", message(client.post("CreateRoom", "{\"FromUserId\":\"u1\",\"RoomId\":\"r2\",\"Attributes\":[{\"Key\":\"k\",\"Value\":\"v\",\"AutoDelete\":2}]}")));
    assertEquals("Input parameter error: the body is not valid JSON", message(client.post("CreateRoom", "{\"FromUserId\":")));
    assertEquals("Input parameter error: the body is not a JSON object", message(client.post("CreateRoom", "[1]")));
    assertEquals("Input parameter error: FromUserId is required", message(client.post("CreateRoom", "")));
    assertEquals(Set.of("r1"), zim.rooms());
  }

  @Test
  void theHttpMethodMustMatchTheSpec() {
    Map<String, Object> answer = client.get("CreateRoom");
    assertEquals(2, code(answer));
    assertEquals("Input parameter error: CreateRoom must be sent with POST", message(answer));
    Map<String, Object> posted = TestGatewayClient.execute(new Request.Builder()
        .url(client.url("DestroyRoom", "RoomId", "r"))
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .build());
    assertEquals("Input parameter error: DestroyRoom must be sent with GET", message(posted));
  }

  @Test
  void unknownBusinessParametersAreIgnored() {
    assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r", "Extra", "x")));
    assertEquals("x", zim.journal().get(0).params().get("Extra"));
  }
}
