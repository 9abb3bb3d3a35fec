package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The public parameters, the signature and the nonce, over real HTTP. */
class AuthenticationTest {

  static final long APP_ID = 12345;
  static final String SECRET = "9193cc662a4c0ec135ec71fb57194b38";

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
  private ZimSimulator zim;
  private TestGatewayClient client;

  @BeforeEach
  void start() {
    zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("room-1").start();
    client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
  }

  @AfterEach
  void stop() {
    zim.close();
  }

  @Test
  void aCorrectlySignedRequestSucceeds() {
    Map<String, Object> answer = client.get("DestroyRoom", "RoomId", "room-1");
    assertEquals(0, code(answer));
    assertEquals("success", answer.get("Message"));
    assertTrue(answer.get("RequestId").toString().matches("[0-9]{18}"));
    assertFalse(zim.rooms().contains("room-1"));
  }

  @Test
  void aWrongSignatureIsRejected() {
    Map<String, String> params = client.publicParams("DestroyRoom");
    params.put("Signature", TestGatewayClient.md5Hex(APP_ID + params.get("SignatureNonce") + "other" + params.get("Timestamp")));
    Map<String, Object> answer = client.get(client.url(params, "RoomId", "room-1"));
    assertEquals(100000005, code(answer));
    assertTrue(zim.rooms().contains("room-1"), "a rejected request must not change state");
  }

  @Test
  void anUppercaseSignatureIsRejected() {
    Map<String, String> params = client.publicParams("DestroyRoom");
    params.put("Signature", params.get("Signature").toUpperCase());
    assertEquals(100000005, code(client.get(client.url(params, "RoomId", "room-1"))));
  }

  @Test
  void theSignatureCoversTheNonceThatWasSent() {
    Map<String, String> params = client.publicParams("DestroyRoom");
    params.put("SignatureNonce", TestGatewayClient.freshNonce());
    assertEquals(100000005, code(client.get(client.url(params, "RoomId", "room-1"))));
  }

  @Test
  void aTimestampOutsideTheTenMinuteWindowIsExpired() {
    clock.advance(Duration.ofMinutes(-10).minusSeconds(1));
    HttpUrl stale = client.url("DestroyRoom", "RoomId", "room-1");
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertEquals(100000004, code(client.get(stale)));

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    HttpUrl ahead = client.url("DestroyRoom", "RoomId", "room-1");
    clock.advance(Duration.ofMinutes(-10).minusSeconds(1));
    assertEquals(100000004, code(client.get(ahead)));
  }

  @Test
  void aTimestampJustInsideTheWindowIsAccepted() {
    clock.advance(Duration.ofMinutes(-10).plusSeconds(1));
    HttpUrl old = client.url("DestroyRoom", "RoomId", "room-1");
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertEquals(0, code(client.get(old)));
  }

  @Test
  void theWindowIsConfigurable() {
    try (ZimSimulator narrow =
        ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).timestampWindow(Duration.ofSeconds(30)).start()) {
      TestGatewayClient narrowClient = new TestGatewayClient(narrow.baseUrl(), APP_ID, SECRET, clock);
      HttpUrl url = narrowClient.url("DestroyRoom", "RoomId", "r");
      clock.advance(Duration.ofSeconds(31));
      assertEquals(100000004, code(narrowClient.get(url)));
    }
  }

  @Test
  void theClockOffsetKnobMovesTheWindow() {
    zim.faults().clockOffset(Duration.ofMinutes(11));
    assertEquals(100000004, code(client.get("DestroyRoom", "RoomId", "room-1")));
    zim.faults().clockOffset(Duration.ZERO);
    assertEquals(0, code(client.get("DestroyRoom", "RoomId", "room-1")));
  }

  @Test
  void aReusedNonceIsRejectedAsAWrongSignature() {
    zim.seedRoom("room-2");
    HttpUrl url = client.url("DestroyRoom", "RoomId", "room-2");
    assertEquals(0, code(client.get(url)));
    Map<String, Object> replay = client.get(url);
    assertEquals(100000005, code(replay));
    assertTrue(replay.get("Message").toString().contains("SignatureNonce"));
  }

  @Test
  void nonceReuseCheckCanBeTurnedOffOrAnswerAnotherCode() {
    try (ZimSimulator lenient = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).rejectReusedNonce(false).start()) {
      TestGatewayClient c = new TestGatewayClient(lenient.baseUrl(), APP_ID, SECRET, clock);
      HttpUrl url = c.url("DestroyRoom", "RoomId", "r");
      assertEquals(660300001, code(c.get(url)));
      assertEquals(660300001, code(c.get(url)));
    }
    try (ZimSimulator other = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).nonceReuseCode(100000004).start()) {
      TestGatewayClient c = new TestGatewayClient(other.baseUrl(), APP_ID, SECRET, clock);
      HttpUrl url = c.url("DestroyRoom", "RoomId", "r");
      assertEquals(660300001, code(c.get(url)));
      assertEquals(100000004, code(c.get(url)));
    }
  }

  @Test
  void aWrongSignatureDoesNotBurnTheNonce() {
    Map<String, String> params = client.publicParams("DestroyRoom");
    String good = params.get("Signature");
    params.put("Signature", "0".repeat(32));
    assertEquals(100000005, code(client.get(client.url(params, "RoomId", "room-1"))));
    params.put("Signature", good);
    assertEquals(0, code(client.get(client.url(params, "RoomId", "room-1"))));
  }

  @Test
  void anUnknownAppIdHasNoSecret() {
    TestGatewayClient stranger = new TestGatewayClient(zim.baseUrl(), 54321, SECRET, clock);
    Map<String, Object> answer = stranger.get("DestroyRoom", "RoomId", "room-1");
    assertEquals(100000010, code(answer));
    assertFalse(answer.get("Message").toString().contains(SECRET));
  }

  @Test
  void eachAppSignsWithItsOwnSecret() {
    try (ZimSimulator two = ZimSimulator.builder().app(1, "secret-one").app(2, "secret-two").seedRoom(2, "r").clock(clock).start()) {
      assertEquals(100000005, code(new TestGatewayClient(two.baseUrl(), 2, "secret-one", clock).get("DestroyRoom", "RoomId", "r")));
      assertEquals(660300001, code(new TestGatewayClient(two.baseUrl(), 1, "secret-one", clock).get("DestroyRoom", "RoomId", "r")));
      assertEquals(0, code(new TestGatewayClient(two.baseUrl(), 2, "secret-two", clock).get("DestroyRoom", "RoomId", "r")));
    }
  }

  static Stream<Arguments> brokenPublicParams() {
    return Stream.of(
        broken("no Action", p -> p.remove("Action"), 100000006),
        broken("empty Action", p -> p.put("Action", ""), 100000006),
        broken("unknown Action", p -> p.put("Action", "DestroyRooms"), 100000007),
        broken("no AppId", p -> p.remove("AppId"), 100000001),
        broken("AppId not a number", p -> p.put("AppId", "12a45"), 100000001),
        broken("AppId negative", p -> p.put("AppId", "-12345"), 100000001),
        broken("AppId over Uint32", p -> p.put("AppId", "4294967296"), 100000001),
        broken("no SignatureVersion", p -> p.remove("SignatureVersion"), 100000013),
        broken("SignatureVersion 1.0", p -> p.put("SignatureVersion", "1.0"), 100000014),
        broken("no SignatureNonce", p -> p.remove("SignatureNonce"), 100000008),
        broken("no Timestamp", p -> p.remove("Timestamp"), 100000002),
        broken("Timestamp in millis format", p -> p.put("Timestamp", "1.7e9"), 100000003),
        broken("Timestamp with letters", p -> p.put("Timestamp", "17000x"), 100000003),
        broken("no Signature", p -> p.remove("Signature"), 100000009),
        // Order: each check wins over those after it.
        broken("unknown Action and no AppId", p -> { p.put("Action", "Nope"); p.remove("AppId"); }, 100000007),
        broken("bad AppId and no version", p -> { p.put("AppId", "x"); p.remove("SignatureVersion"); }, 100000001),
        broken("unknown AppId and no nonce", p -> { p.put("AppId", "999"); p.remove("SignatureNonce"); }, 100000010),
        broken("no version and no nonce", p -> { p.remove("SignatureVersion"); p.remove("SignatureNonce"); }, 100000013),
        broken("no nonce and no timestamp", p -> { p.remove("SignatureNonce"); p.remove("Timestamp"); }, 100000008),
        broken("no timestamp and no signature", p -> { p.remove("Timestamp"); p.remove("Signature"); }, 100000002),
        broken("expired and wrong signature", p -> { p.put("Timestamp", "1"); p.put("Signature", "0".repeat(32)); }, 100000004));
  }

  private static Arguments broken(String name, Consumer<Map<String, String>> change, int code) {
    return Arguments.of(name, change, code);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("brokenPublicParams")
  void publicParameterChecksAnswerTheirCodesInOrder(String name, Consumer<Map<String, String>> change, int expected) {
    Map<String, String> params = client.publicParams("DestroyRoom");
    change.accept(params);
    // No RoomId either: business checks come last, so they must not win.
    Map<String, Object> answer = client.get(client.url(params));
    assertEquals(expected, code(answer), name + ": " + answer);
    assertTrue(zim.rooms().contains("room-1"));
  }
}
