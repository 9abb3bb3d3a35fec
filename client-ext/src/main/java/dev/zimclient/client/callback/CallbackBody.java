package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MALFORMED;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * Turns a callback body into the JSON object it stands for. ZEGO's pages call the body JSON and
 * also ask receivers to URL-decode it, and their sample code reads the fields as form parameters,
 * so three shapes are accepted: a JSON object, a URL-encoded JSON object, and a form whose fields
 * become the object's string fields (a key repeated or ending in {@code []} becomes an array).
 */
final class CallbackBody {
  private CallbackBody() {}

  static String toJson(String contentType, byte[] body) {
    String text = utf8(body).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (text.isEmpty()) {
      throw new ZimCallbackRefusedException(MALFORMED, null, "the body is empty");
    }
    if (text.startsWith("{")) {
      return text;
    }
    if (text.regionMatches(true, 0, "%7B", 0, 3)) {
      String decoded = urlDecode(text, "the URL-encoded body").strip();
      if (decoded.startsWith("{")) {
        return decoded;
      }
    }
    if (isJson(contentType) || !text.contains("=")) {
      throw new ZimCallbackRefusedException(MALFORMED, null, "the body is not a JSON object");
    }
    return formToJson(text);
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  private static String formToJson(String form) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, Boolean> arrays = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = urlDecode(equals < 0 ? pair : pair.substring(0, equals), "a form key");
      String value = equals < 0 ? "" : urlDecode(pair.substring(equals + 1), "the form field " + key);
      boolean bracketed = key.endsWith("[]");
      String name = bracketed ? key.substring(0, key.length() - 2) : key;
      fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      arrays.merge(name, bracketed, Boolean::logicalOr);
    }
    Buffer json = new Buffer();
    try (JsonWriter writer = JsonWriter.of(json)) {
      writer.beginObject();
      for (Map.Entry<String, List<String>> field : fields.entrySet()) {
        writer.name(field.getKey());
        List<String> values = field.getValue();
        if (values.size() == 1 && !arrays.get(field.getKey())) {
          writer.value(values.get(0));
        } else {
          writer.beginArray();
          for (String value : values) {
            writer.value(value);
          }
          writer.endArray();
        }
      }
      writer.endObject();
    } catch (IOException e) {
      // A Buffer does not fail; the writer only declares it.
      throw new IllegalStateException(e);
    }
    return json.readUtf8();
  }

  private static String urlDecode(String text, String what) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ZimCallbackRefusedException(MALFORMED, null, what + " has a broken %-escape");
    }
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ZimCallbackRefusedException(MALFORMED, null, "the body is not UTF-8 text");
    }
  }
}
