package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.SignedCallbacks.SECRET;
import static dev.zimclient.client.callback.SignedCallbacks.body;
import static dev.zimclient.client.callback.SignedCallbacks.bytes;
import static dev.zimclient.client.callback.SignedCallbacks.json;
import static dev.zimclient.client.callback.SignedCallbacks.roomCreate;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.APP_MISMATCH;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.BAD_SIGNATURE;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MALFORMED;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MISSING_FIELD;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.REPLAYED;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.STALE_TIMESTAMP;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.TOO_LARGE;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.UNKNOWN_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.model.RoomCreateCallback;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every class of bad input gets a refusal that names its reason and field, never a crash. */
class ZimCallbackRefusalTest {
  static final Instant NOW = ZimCallbackVerifierTest.NOW;
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final ZimCallbackVerifier VERIFIER = ZimCallbackVerifier.builder().callbackSecret(SECRET).clock(CLOCK).build();

  private static ZimCallbackRefusedException refusal(ZimCallbackVerifier verifier, String contentType, byte[] body) {
    ZimCallbackRefusedException e = assertThrows(ZimCallbackRefusedException.class,
        () -> verifier.verify(contentType, body));
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    return e;
  }

  private static ZimCallbackRefusedException refusal(String body) {
    return refusal(VERIFIER, (String) null, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(ZimCallbackRefusedException.Reason reason, String field, ZimCallbackRefusedException e) {
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(Optional.ofNullable(field), e.field(), e.getMessage());
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    ZimCallbackVerifier small = ZimCallbackVerifier.builder().callbackSecret(SECRET).clock(CLOCK).maxBodyBytes(64).build();
    byte[] body = bytes(roomCreate(NOW, "1"));
    assertTrue(body.length > 64);
    assertRefused(TOO_LARGE, null, refusal(small, (String) null, body));
    // Not even a body that is not JSON at all is looked at.
    assertRefused(TOO_LARGE, null, refusal(small, (String) null, new byte[65]));
    assertEquals(413, TOO_LARGE.httpStatus());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hello", "[1,2]", "\"text\"", "42", "null", "{\"appid\":", "{\"appid\":\"1\"} trailing",
      "{appid: 1}", "%7B%22appid", "%7Bbroken%zz", "a=%zz", "{\"appid\":\"1\",\"appid\":\"2\"}"})
  void aBodyThatIsNotOneJsonObjectOrFormIsMalformed(String body) {
    assertEquals(MALFORMED, refusal(body).reason());
  }

  @Test
  void aJsonContentTypeIsNotReadAsAForm() {
    assertEquals(MALFORMED, refusal(VERIFIER, "application/json; charset=utf-8",
        "appid=1&event=room_create".getBytes(StandardCharsets.UTF_8)).reason());
  }

  @Test
  void bytesThatAreNotUtf8AreMalformed() {
    assertEquals(MALFORMED, refusal(VERIFIER, (String) null, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}).reason());
  }

  @Test
  void deepNestingIsMalformedNotAStackOverflow() {
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    ZimCallbackVerifier roomy = ZimCallbackVerifier.builder().callbackSecret(SECRET).clock(CLOCK).maxBodyBytes(1 << 20).build();
    assertEquals(MALFORMED, refusal(roomy, (String) null, deep.getBytes(StandardCharsets.UTF_8)).reason());
  }

  @Test
  void anEnvelopeFieldOfTheWrongTypeIsMalformed() {
    Map<String, Object> body = new LinkedHashMap<>(roomCreate(NOW, "1"));
    body.put("nonce", List.of("1"));
    assertRefused(MALFORMED, "nonce", refusal(json(body)));
    body.put("nonce", "1");
    body.put("timestamp", "yesterday");
    assertRefused(MALFORMED, "timestamp", refusal(json(body)));
    body.put("timestamp", -5);
    assertRefused(MALFORMED, "timestamp", refusal(json(body)));
  }

  @Test
  void anEventFieldOfTheWrongTypeIsMalformedAndNamed() {
    Map<String, Object> body = body("room_destroy", NOW.getEpochSecond(), "1", Map.of("room_id", "r", "user_ids", "ann"));
    assertRefused(MALFORMED, "user_ids", refusal(json(body)));
    body = body("room_create", NOW.getEpochSecond(), "1",
        Map.of("room_id", "r", "attributes", List.of(Map.of("key", "k", "auto_delete", "often"))));
    assertRefused(MALFORMED, "attributes[0].auto_delete", refusal(json(body)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"appid", "event", "timestamp", "nonce", "signature"})
  void eachEnvelopeFieldIsRequired(String field) {
    Map<String, Object> body = new LinkedHashMap<>(roomCreate(NOW, "1"));
    body.remove(field);
    assertRefused(MISSING_FIELD, field, refusal(json(body)));
    body.put(field, "");
    assertRefused(MISSING_FIELD, field, refusal(json(body)));
    body.remove(field);
    String text = json(body);
    assertRefused(MISSING_FIELD, field, refusal(text.substring(0, text.length() - 1) + ",\"" + field + "\":null}"));
  }

  @Test
  void anEventsOwnRequiredFieldIsRequired() {
    Map<String, Object> body = body("room_create", NOW.getEpochSecond(), "1", Map.of("operator_account", "ann"));
    assertRefused(MISSING_FIELD, "room_id", refusal(json(body)));
    body = body("room_create", NOW.getEpochSecond(), "1", Map.of("room_id", ""));
    assertRefused(MISSING_FIELD, "room_id", refusal(json(body)));
  }

  @Test
  void anEventTheSpecDoesNotDeclareIsUnknown() {
    ZimCallbackRefusedException e = refusal(json(body("room_renamed\u0000", NOW.getEpochSecond(), "1", Map.of("room_id", "r"))));
    assertRefused(UNKNOWN_EVENT, "event", e);
    assertTrue(e.getMessage().contains("\"room_renamed?\"") && e.getMessage().contains("room_create"), e.getMessage());
  }

  @Test
  void aCallbackOfAnotherAppIsRefusedWhenTheAppIsSet() {
    ZimCallbackVerifier other = ZimCallbackVerifier.builder().callbackSecret(SECRET).appId(42).clock(CLOCK).build();
    assertRefused(APP_MISMATCH, "appid", refusal(other, (String) null, bytes(roomCreate(NOW, "1"))));
  }

  @Test
  void aWrongSignatureIsRefused() {
    ZimCallbackVerifier otherSecret = ZimCallbackVerifier.builder().callbackSecret("another-secret").clock(CLOCK).build();
    ZimCallbackRefusedException e = refusal(otherSecret, (String) null, bytes(roomCreate(NOW, "1")));
    assertRefused(BAD_SIGNATURE, "signature", e);
    assertFalse(e.getMessage().contains(ZimCallbackSignature.compute("another-secret", "" + NOW.getEpochSecond(), "1")),
        "the expected signature is not shown: " + e.getMessage());

    // The nonce and the timestamp are what the signature covers: changing either breaks it.
    Map<String, Object> body = new LinkedHashMap<>(roomCreate(NOW, "1"));
    body.put("nonce", "2");
    assertRefused(BAD_SIGNATURE, "signature", refusal(json(body)));
    body = new LinkedHashMap<>(roomCreate(NOW, "1"));
    body.put("timestamp", NOW.getEpochSecond() - 1);
    assertRefused(BAD_SIGNATURE, "signature", refusal(json(body)));
  }

  @Test
  void aTimestampOutsideTheWindowIsStaleInSecondsAndInMilliseconds() {
    ZimCallbackVerifier minute = ZimCallbackVerifier.builder().callbackSecret(SECRET).clock(CLOCK)
        .timestampWindow(Duration.ofMinutes(1)).build();
    for (long offset : new long[] {-61, 61}) {
      assertRefused(STALE_TIMESTAMP, "timestamp", refusal(minute, (String) null, bytes(roomCreate(NOW.plusSeconds(offset), "s"))));
      Map<String, Object> millis = body("room_enter", NOW.plusSeconds(offset).toEpochMilli(), "m", Map.of("room_id", "r"));
      assertRefused(STALE_TIMESTAMP, "timestamp", refusal(minute, (String) null, bytes(millis)));
    }
    // A millisecond past the window, in milliseconds.
    Map<String, Object> justOut = body("room_enter", NOW.toEpochMilli() - 60_001, "j", Map.of("room_id", "r"));
    assertRefused(STALE_TIMESTAMP, "timestamp", refusal(minute, (String) null, bytes(justOut)));
  }

  @Test
  void withReplayProtectionASecondDeliveryIsRefusedUntilForgotten() {
    ZimCallbackVerifier guarded = ZimCallbackVerifier.builder().callbackSecret(SECRET).clock(CLOCK).replayProtection().build();
    byte[] body = bytes(roomCreate(NOW, "once"));
    RoomCreateCallback first = (RoomCreateCallback) guarded.verify(body);
    assertRefused(REPLAYED, "nonce", refusal(guarded, (String) null, body));

    // The signature does not cover the body: a captured signature with another body is a replay too.
    Map<String, Object> forged = new LinkedHashMap<>(roomCreate(NOW, "once"));
    forged.put("room_id", "someone-elses");
    assertRefused(REPLAYED, "nonce", refusal(guarded, (String) null, bytes(forged)));

    // Another nonce, or the same nonce with another timestamp, is another callback.
    assertInstanceOf(RoomCreateCallback.class, guarded.verify(bytes(roomCreate(NOW, "twice"))));
    assertInstanceOf(RoomCreateCallback.class, guarded.verify(bytes(roomCreate(NOW.minusSeconds(1), "once"))));

    guarded.forget(first);
    assertInstanceOf(RoomCreateCallback.class, guarded.verify(body));
  }

  @Test
  void aRefusedCallbackDoesNotUseUpItsNonce() {
    ZimCallbackVerifier guarded = ZimCallbackVerifier.builder().callbackSecret(SECRET).clock(CLOCK).replayProtection().build();
    Map<String, Object> incomplete = body("room_create", NOW.getEpochSecond(), "n", Map.of());
    assertRefused(MISSING_FIELD, "room_id", refusal(guarded, (String) null, bytes(incomplete)));
    assertInstanceOf(RoomCreateCallback.class, guarded.verify(bytes(roomCreate(NOW, "n"))));
  }

  @Test
  void eachReasonHasTheStatusAReceiverAnswers() {
    assertEquals(List.of(413, 400, 400, 400, 403, 401, 401, 200),
        java.util.Arrays.stream(ZimCallbackRefusedException.Reason.values()).map(r -> r.httpStatus()).toList());
  }
}
