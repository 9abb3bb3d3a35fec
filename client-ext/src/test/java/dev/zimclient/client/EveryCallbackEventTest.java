package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.zimclient.client.callback.ZimCallbackRefusedException;
import dev.zimclient.client.callback.ZimCallbackSignature;
import dev.zimclient.client.callback.ZimCallbackVerifier;
import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.ZimCallbackType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every callback event of the spec, found by iterating the spec, not listed: its example, signed
 * afresh, is read into the record {@link ZimCallbackType} names for it with every field intact,
 * and each of its required fields, left out, is refused by name. A new event in the spec is
 * covered without a change here.
 */
class EveryCallbackEventTest {
  private static final String SECRET = "callback-secret-of-the-test";
  private static final Instant NOW = Instant.parse("2024-06-10T06:13:20Z");
  private static final ZimCallbackVerifier VERIFIER = ZimCallbackVerifier.builder().callbackSecret(SECRET)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Map<String, Object>> MAP =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  @Test
  void theGeneratedListHoldsExactlyTheSpecsEvents() {
    assertEquals(new TreeSet<>(ZimSpec.get().callbacks().keySet()),
        new TreeSet<>(Arrays.stream(ZimCallbackType.values()).map(ZimCallbackType::event).toList()));
    assertEquals(18, ZimCallbackType.values().length);
    for (ZimCallbackType type : ZimCallbackType.values()) {
      assertEquals(ZimSpec.get().callbacks().get(type.event()).schema(), type.bodyType().getSimpleName());
      assertEquals(Optional.of(type), ZimCallbackType.of(type.event()));
    }
    assertEquals(Optional.empty(), ZimCallbackType.of("room_renamed"));
    assertEquals(Optional.empty(), ZimCallbackType.of(null));
  }

  @TestFactory
  Iterable<DynamicTest> eachExampleIsReadWhole() {
    return ZimSpec.get().callbacks().values().stream().map(spec -> DynamicTest.dynamicTest(spec.event(), () -> {
      Map<String, Object> example = signed(parse(spec.example()));
      ZimCallback callback = VERIFIER.verify("application/json", MAP.toJson(example).getBytes(StandardCharsets.UTF_8));
      ZimCallbackType type = ZimCallbackType.of(spec.event()).orElseThrow();
      assertEquals(type.bodyType(), callback.getClass());
      assertEquals(type, callback.type());
      // Written back, the record is the example: no field was lost or misnamed. The timestamp is
      // compared as a number, since examples may send it as a string.
      Map<String, Object> written = parse(writeRecord(callback));
      example.put("timestamp", Double.valueOf(example.get("timestamp").toString()));
      assertEquals(example, written);
    })).toList();
  }

  @Test
  void everyEventRequiresTheEnvelopeAndAFieldOfItsOwn() {
    for (ZimSpec.CallbackSpec spec : ZimSpec.get().callbacks().values()) {
      assertTrue(spec.required().containsAll(java.util.List.of("appid", "event", "timestamp", "nonce", "signature"))
          && spec.required().size() > 5, spec.event() + " requires " + spec.required());
    }
  }

  @TestFactory
  Iterable<DynamicTest> eachRequiredFieldIsRequired() {
    return ZimSpec.get().callbacks().values().stream().flatMap(spec -> spec.required().stream()
        .map(field -> DynamicTest.dynamicTest(spec.event() + " without " + field, () -> {
          Map<String, Object> example = signed(parse(spec.example()));
          example.remove(field);
          ZimCallbackRefusedException e = assertThrows(ZimCallbackRefusedException.class,
              () -> VERIFIER.verify(MAP.toJson(example).getBytes(StandardCharsets.UTF_8)));
          assertEquals(ZimCallbackRefusedException.Reason.MISSING_FIELD, e.reason(), e.getMessage());
          assertEquals(Optional.of(field), e.field());
        }))).toList();
  }

  @Test
  void theReplyOfBeforeSendMsgIsAnnouncedByItsType() {
    long withReply = Arrays.stream(ZimCallbackType.values()).filter(type -> type.replyType().isPresent()).count();
    assertEquals(1, withReply);
    assertTrue(ZimCallbackType.of("before_send_msg").orElseThrow().replyType().isPresent());
  }

  /** The example with a fresh envelope: the spec's signatures are placeholders. */
  private static Map<String, Object> signed(Map<String, Object> example) {
    Map<String, Object> body = new LinkedHashMap<>(example);
    String timestamp = example.get("timestamp").toString().length() > 11
        ? Long.toString(NOW.toEpochMilli()) : Long.toString(NOW.getEpochSecond());
    body.put("timestamp", example.get("timestamp") instanceof String ? timestamp : Long.valueOf(timestamp));
    body.put("signature", ZimCallbackSignature.compute(SECRET, timestamp, example.get("nonce").toString()));
    return body;
  }

  @SuppressWarnings("unchecked")
  private static String writeRecord(ZimCallback callback) {
    return ((JsonAdapter<Object>) MOSHI.adapter((java.lang.reflect.Type) callback.getClass())).toJson(callback);
  }

  private static Map<String, Object> parse(String json) throws IOException {
    return MAP.fromJson(json);
  }
}
