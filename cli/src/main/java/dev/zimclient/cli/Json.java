package dev.zimclient.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * JSON on the command line and on standard output, through the generated Moshi adapters. Values
 * travel as JSON text, never as doubles, so a 64-bit sequence number keeps every digit.
 */
final class Json {
  static final Moshi MOSHI = new Moshi.Builder().build();

  private Json() {}

  /** A generated record (a response, an item) as JSON; indented for one answer, one line for JSON Lines. */
  static String of(Object record, boolean indent) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(record.getClass());
    return (indent ? adapter.indent("  ") : adapter).toJson(record);
  }

  /** The members of a JSON object, each value as its JSON text, in order. */
  static Map<String, String> members(String object) {
    Map<String, String> members = new LinkedHashMap<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(object))) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        try (var value = reader.nextSource()) {
          members.put(name, value.readUtf8());
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new ConfigurationException("the JSON body has more after its object");
      }
    } catch (IOException e) {
      throw new ConfigurationException("the JSON body is not a JSON object: " + e.getMessage());
    }
    return members;
  }

  /** An object of members whose values are JSON text. */
  static String object(Map<String, String> members) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      for (Map.Entry<String, String> member : members.entrySet()) {
        writer.name(member.getKey());
        try (var sink = writer.valueSink()) {
          sink.writeUtf8(member.getValue());
        }
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /** A command-line value as JSON text: a string, number, boolean or list of them. */
  static String value(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) {
        write(writer, item);
      }
      writer.endArray();
    } else if (value instanceof Number number) {
      writer.value(number);
    } else if (value instanceof Boolean flag) {
      writer.value(flag);
    } else {
      writer.value((String) value);
    }
  }

  /** Reads JSON text as the given type with its generated adapter; a mismatch is the user's to fix. */
  static Object read(java.lang.reflect.Type type, String json, String what) {
    try {
      Object value = MOSHI.adapter(type).fromJson(json);
      if (value == null) {
        throw new ConfigurationException(what + ": null is not a value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigurationException) {
        throw (ConfigurationException) e;
      }
      throw new ConfigurationException(what + ": " + e.getMessage());
    }
  }
}
