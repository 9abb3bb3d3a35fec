package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.SignedCallbacks.SECRET;
import static dev.zimclient.client.callback.SignedCallbacks.body;
import static dev.zimclient.client.callback.SignedCallbacks.bytes;
import static dev.zimclient.client.callback.SignedCallbacks.json;
import static dev.zimclient.client.callback.SignedCallbacks.roomCreate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.ZimCallbackType;
import dev.zimclient.generated.model.CallbackRoomAttribute;
import dev.zimclient.generated.model.GroupDestroyCallback;
import dev.zimclient.generated.model.RoomCreateCallback;
import dev.zimclient.generated.model.RoomDestroyCallback;
import dev.zimclient.generated.model.UserActionCallback;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the verifier accepts, in each shape and unit ZEGO documents, and what it makes of it. */
class ZimCallbackVerifierTest {
  static final Instant NOW = Instant.parse("2024-06-10T06:13:20Z");
  static final ZimCallbackVerifier VERIFIER = ZimCallbackVerifier.builder()
      .callbackSecret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @Test
  void readsASignedJsonBodyIntoTheRecordOfItsEvent() {
    ZimCallback callback = VERIFIER.verify("application/json", bytes(roomCreate(NOW, "350176")));
    RoomCreateCallback created = assertInstanceOf(RoomCreateCallback.class, callback);
    assertEquals(ZimCallbackType.ROOM_CREATE, created.type());
    assertEquals("chess-club", created.roomId());
    assertEquals("ann", created.operatorAccount());
    assertEquals(List.of(CallbackRoomAttribute.builder().key("topic").value("openings").autoDelete(1).build()),
        created.attributes());
    assertEquals(SignedCallbacks.APP_ID, created.appid());
    assertEquals(NOW.getEpochSecond(), created.timestamp());
    assertEquals("350176", created.nonce());
  }

  @Test
  void acceptsTheTimestampInMillisecondsAndTheEnvelopeAsNumbersOrStrings() {
    Map<String, Object> millis = body("room_destroy", NOW.toEpochMilli() + 250, "77",
        Map.of("room_id", "r", "user_ids", List.of("ann", "ben")));
    RoomDestroyCallback destroyed = assertInstanceOf(RoomDestroyCallback.class, VERIFIER.verify(bytes(millis)));
    assertEquals(List.of("ann", "ben"), destroyed.userIds());
    assertEquals(NOW.toEpochMilli() + 250, destroyed.timestamp());

    // ZEGO's samples send the timestamp as a string at times, and advise reading appid and nonce
    // as numbers: the signature is over the text either way.
    String asText = "{\"appid\":1234567890,\"event\":\"group_destroy\",\"timestamp\":\"" + NOW.getEpochSecond()
        + "\",\"nonce\":350176,\"signature\":\"" + ZimCallbackSignature.compute(SECRET, "" + NOW.getEpochSecond(), "350176")
        + "\",\"group_id\":\"g\"}";
    GroupDestroyCallback group = assertInstanceOf(GroupDestroyCallback.class,
        VERIFIER.verify(asText.getBytes(StandardCharsets.UTF_8)));
    assertEquals("1234567890", group.appid());
    assertEquals("350176", group.nonce());
    assertEquals(NOW.getEpochSecond(), group.timestamp());
  }

  @Test
  void theSignatureIsOverTheTimestampAsSentNotAsANumber() {
    String padded = "0" + NOW.getEpochSecond();
    String text = "{\"appid\":\"1\",\"event\":\"room_enter\",\"timestamp\":\"" + padded + "\",\"nonce\":\"5\","
        + "\"signature\":\"" + ZimCallbackSignature.compute(SECRET, padded, "5") + "\",\"room_id\":\"r\"}";
    assertEquals("r", ((dev.zimclient.generated.model.RoomEnterCallback)
        VERIFIER.verify(text.getBytes(StandardCharsets.UTF_8))).roomId());
  }

  @Test
  void acceptsAUrlEncodedJsonBody() {
    String encoded = URLEncoder.encode(json(roomCreate(NOW, "1")), StandardCharsets.UTF_8);
    assertTrue(encoded.startsWith("%7B"), encoded);
    RoomCreateCallback created = (RoomCreateCallback) VERIFIER.verify("application/x-www-form-urlencoded",
        encoded.getBytes(StandardCharsets.UTF_8));
    assertEquals("chess-club", created.roomId());
    assertEquals("openings", created.attributes().get(0).value());
  }

  @Test
  void acceptsAFormWhoseFieldsAreTheBodysFields() {
    String timestamp = Long.toString(NOW.getEpochSecond());
    String form = "appid=1234567890&event=user_action&timestamp=" + timestamp + "&nonce=42"
        + "&signature=" + ZimCallbackSignature.compute(SECRET, timestamp, "42")
        + "&user_id=ann&user_name=Ann+Lee&os=WEB&action=1&logout_time=" + timestamp + "&logout_reason=bye%26see+you";
    UserActionCallback user = (UserActionCallback) VERIFIER.verify("application/x-www-form-urlencoded",
        form.getBytes(StandardCharsets.UTF_8));
    assertEquals("Ann Lee", user.userName());
    assertEquals(1, user.action());
    assertEquals(NOW.getEpochSecond(), user.logoutTime());
    assertEquals("bye&see you", user.logoutReason());
  }

  @Test
  void aFormKeyRepeatedOrWithBracketsBecomesAnArray() {
    String timestamp = Long.toString(NOW.getEpochSecond());
    String envelope = "appid=1&event=room_destroy&timestamp=" + timestamp + "&nonce=9&signature="
        + ZimCallbackSignature.compute(SECRET, timestamp, "9") + "&room_id=r";
    RoomDestroyCallback repeated = (RoomDestroyCallback) VERIFIER.verify(
        (envelope + "&user_ids=a&user_ids=b").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("a", "b"), repeated.userIds());
    RoomDestroyCallback bracketed = (RoomDestroyCallback) VERIFIER.verify(
        (envelope + "&user_ids%5B%5D=a").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("a"), bracketed.userIds());
  }

  @Test
  void unknownFieldsAreIgnoredSoThatZegoMayAddSome() {
    Map<String, Object> body = body("room_enter", NOW.getEpochSecond(), "8",
        Map.of("room_id", "r", "a_new_field", Map.of("nested", List.of(1, 2))));
    assertEquals("r", ((dev.zimclient.generated.model.RoomEnterCallback) VERIFIER.verify(bytes(body))).roomId());
  }

  @Test
  void theTimestampMayBeAsFarAsTheWindowEitherWay() {
    ZimCallbackVerifier minute = ZimCallbackVerifier.builder().callbackSecret(SECRET)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).timestampWindow(Duration.ofMinutes(1)).build();
    for (long offset : new long[] {-60, 60}) {
      assertInstanceOf(RoomCreateCallback.class,
          minute.verify(bytes(roomCreate(NOW.plusSeconds(offset), "n" + offset))));
      Map<String, Object> millis = body("room_enter", NOW.plusSeconds(offset).toEpochMilli(), "m" + offset,
          Map.of("room_id", "r"));
      assertEquals("r", ((dev.zimclient.generated.model.RoomEnterCallback) minute.verify(bytes(millis))).roomId());
    }
  }

  @Test
  void withoutReplayProtectionTheSameCallbackPassesTwice() {
    byte[] body = bytes(roomCreate(NOW, "same"));
    VERIFIER.verify(body);
    assertInstanceOf(RoomCreateCallback.class, VERIFIER.verify(body));
  }

  @Test
  void anAppIdRestrictionAcceptsItsOwnApp() {
    ZimCallbackVerifier mine = ZimCallbackVerifier.builder().callbackSecret(SECRET).appId(1234567890L)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    assertInstanceOf(RoomCreateCallback.class, mine.verify(bytes(roomCreate(NOW, "1"))));
  }

  @Test
  void theSecretIsNeverShown() {
    ZimCallbackVerifier.Builder builder = ZimCallbackVerifier.builder().callbackSecret(SECRET);
    assertFalse(builder.toString().contains(SECRET), builder.toString());
    assertFalse(builder.build().toString().contains(SECRET), builder.build().toString());
    assertTrue(builder.build().toString().contains("<redacted>"));
  }

  @Test
  void aVerifierNeedsASecret() {
    assertThrows(IllegalStateException.class, () -> ZimCallbackVerifier.builder().build());
    assertThrows(IllegalArgumentException.class, () -> ZimCallbackVerifier.builder().callbackSecret(" "));
    assertThrows(IllegalArgumentException.class, () -> ZimCallbackVerifier.builder().timestampWindow(Duration.ofDays(2)));
    assertThrows(IllegalArgumentException.class, () -> ZimCallbackVerifier.builder().appId(0));
  }
}
