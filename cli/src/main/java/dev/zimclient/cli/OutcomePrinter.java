package dev.zimclient.cli;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * Prints one line per item of a bulk run: plain text, or one JSON object per line with
 * {@code --json}, its key named after the key parameter ({@code roomId} for RoomId).
 */
final class OutcomePrinter {
  private final PrintWriter out;
  private final boolean json;
  private final String keyName;

  OutcomePrinter(PrintWriter out, boolean json, String keyName) {
    this.out = out;
    this.json = json;
    this.keyName = keyName;
  }

  synchronized void print(ItemOutcome outcome) {
    out.println(json ? toJson(outcome) : toText(outcome));
    out.flush();
  }

  private static String toText(ItemOutcome outcome) {
    if (outcome.succeeded()) {
      return "done " + outcome.key() + (outcome.requestId() == null ? "" : " [RequestId " + outcome.requestId() + "]");
    }
    return outcome.outcome().id() + " " + outcome.key() + ": " + outcome.message();
  }

  String toJson(ItemOutcome outcome) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writer.beginObject();
      writer.name(keyName).value(outcome.key());
      writer.name("code").value(outcome.code());
      writer.name("message").value(outcome.message());
      writer.name("requestId").value(outcome.requestId());
      writer.name("outcome").value(outcome.outcome().id());
      if (outcome.response() != null) {
        writer.name("response");
        try (var sink = writer.valueSink()) {
          sink.writeUtf8(Json.of(outcome.response(), false));
        }
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
