package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MALFORMED;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MISSING_FIELD;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * The five fields every callback starts with, read as the exact text the body carries: the
 * signature is computed over the timestamp and nonce as sent, so {@code "0017"} must not become 17.
 */
record CallbackEnvelope(String appid, String event, String timestamp, String nonce, String signature) {
  static final List<String> FIELDS = List.of("appid", "event", "timestamp", "nonce", "signature");

  /**
   * Reads the envelope of a JSON object and checks the object's shape on the way: a second field
   * of the same name is refused, since the envelope and the record read from the body could
   * otherwise see different values of {@code event}; so is anything after the object.
   */
  static CallbackEnvelope read(String json) {
    Map<String, String> values = new HashMap<>();
    Set<String> names = new HashSet<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new ZimCallbackRefusedException(MALFORMED, null, "the body is not a JSON object");
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (!names.add(name)) {
          throw new ZimCallbackRefusedException(MALFORMED, name, "the field " + name + " appears twice");
        }
        if (FIELDS.contains(name)) {
          values.put(name, scalar(reader, name));
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new ZimCallbackRefusedException(MALFORMED, null, "the body goes on after its JSON object");
      }
    } catch (IOException | JsonDataException e) {
      // Moshi's messages quote the offending text; the refusal names only where it was.
      throw new ZimCallbackRefusedException(MALFORMED, null, "the body is not valid JSON (" + Excerpts.of(e) + ")");
    }
    for (String field : FIELDS) {
      String value = values.get(field);
      if (value == null || value.isEmpty()) {
        throw new ZimCallbackRefusedException(MISSING_FIELD, field, "the field " + field + " is missing");
      }
    }
    return new CallbackEnvelope(values.get("appid"), values.get("event"), values.get("timestamp"),
        values.get("nonce"), values.get("signature"));
  }

  /** A string or a number as its text; a JSON null counts as absent. */
  private static String scalar(JsonReader reader, String name) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
      throw new ZimCallbackRefusedException(MALFORMED, name, "the field " + name + " is not a string or number");
    }
    return reader.nextString();
  }
}
