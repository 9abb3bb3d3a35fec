package dev.zimclient.client.callback;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Callback bodies signed as ZEGO signs them, for tests; the signature comes from the public algorithm. */
public final class SignedCallbacks {
  public static final String SECRET = "0123456789abcdef0123456789abcdef";
  public static final String APP_ID = "1234567890";

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private SignedCallbacks() {}

  /** {@code fields} with the envelope of {@code event}, signed with {@link #SECRET} for {@code timestamp}. */
  public static Map<String, Object> body(String event, Object timestamp, String nonce, Map<String, ?> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appid", APP_ID);
    body.put("event", event);
    body.put("timestamp", timestamp);
    body.put("nonce", nonce);
    body.put("signature", ZimCallbackSignature.compute(SECRET, timestamp.toString(), nonce));
    body.putAll(fields);
    return body;
  }

  /** A {@code room_create} body for now, in seconds, with a fresh nonce. */
  public static Map<String, Object> roomCreate(Instant now, String nonce) {
    return body("room_create", now.getEpochSecond(), nonce, Map.of(
        "room_id", "chess-club", "operator_account", "ann",
        "attributes", List.of(Map.of("key", "topic", "value", "openings", "auto_delete", 1))));
  }

  /** The body as JSON text. */
  public static String json(Map<String, ?> body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) body;
    return JSON.toJson(map);
  }

  public static byte[] bytes(Map<String, ?> body) {
    return json(body).getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON body text as a map, numbers as doubles. */
  public static Map<String, Object> parse(String json) {
    try {
      return JSON.fromJson(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
