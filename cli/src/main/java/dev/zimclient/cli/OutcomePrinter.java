package dev.zimclient.cli;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import okio.Buffer;

/** Prints one line per room: plain text, or one JSON object per line with {@code --json}. */
final class OutcomePrinter {
  private final PrintWriter out;
  private final boolean json;

  OutcomePrinter(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  synchronized void print(RoomOutcome outcome) {
    out.println(json ? toJson(outcome) : toText(outcome));
    out.flush();
  }

  private static String toText(RoomOutcome outcome) {
    if (outcome.succeeded()) {
      return "destroyed " + outcome.roomId() + (outcome.requestId() == null ? "" : " [RequestId " + outcome.requestId() + "]");
    }
    return outcome.outcome().id() + " " + outcome.roomId() + ": " + outcome.message();
  }

  static String toJson(RoomOutcome outcome) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writer.beginObject();
      writer.name("roomId").value(outcome.roomId());
      writer.name("code").value(outcome.code());
      writer.name("message").value(outcome.message());
      writer.name("requestId").value(outcome.requestId());
      writer.name("outcome").value(outcome.outcome().id());
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
