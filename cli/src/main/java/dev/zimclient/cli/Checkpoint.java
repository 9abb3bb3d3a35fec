package dev.zimclient.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of a bulk job, appended one JSON line at a time so that a rerun goes on where the job
 * stopped. Before an item's request goes out a {@code sent} line is written; when the item ends, a
 * line with its outcome, at once. Each line is one unbuffered write, so a process killed at any
 * point leaves every finished item recorded and the items in flight (at most the run's in-flight
 * bound) marked as sent but not finished: their outcome is unknown. For an action that must not
 * run twice the {@code sent} line is also forced to the disk first, so a crash of the machine
 * cannot lose it either.
 */
final class Checkpoint implements AutoCloseable {
  /** What a rerun knows of a key. */
  enum State {
    NEW,
    FINISHED,
    /** Sent by an earlier run that stopped before its answer, or answered with an unknown outcome. */
    UNKNOWN
  }

  private static final JsonAdapter<Map<String, Object>> LINE =
      Json.MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final Path file;
  private final FileChannel channel;
  private final boolean durable;
  private final Map<String, String> outcomes = new HashMap<>();
  private final Map<String, Boolean> sent = new HashMap<>();

  private Checkpoint(Path file, FileChannel channel, boolean durable) {
    this.file = file;
    this.channel = channel;
    this.durable = durable;
  }

  /**
   * Opens or creates the checkpoint of a job of {@code action}.
   *
   * @param durable force each {@code sent} line to the disk before the request goes out
   */
  static Checkpoint open(Path file, String action, boolean durable) {
    try {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      Checkpoint checkpoint = new Checkpoint(file, channel, durable);
      if (fresh) {
        checkpoint.append(Map.of("checkpoint", action));
      } else {
        checkpoint.replay(action);
      }
      return checkpoint;
    } catch (IOException e) {
      throw new ConfigurationException("cannot use the checkpoint " + file + ": " + Failures.words(e));
    }
  }

  private void replay(String action) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> line;
      try {
        line = LINE.fromJson(lines.get(i));
      } catch (IOException | RuntimeException e) {
        if (i == 0) {
          throw new ConfigurationException(file + " is not a checkpoint of zim");
        }
        // A write a killed process left unfinished; its item is still marked as sent.
        continue;
      }
      if (i == 0 && !action.equals(line.get("checkpoint"))) {
        throw new ConfigurationException(file + " is the checkpoint of another job (" + line.get("checkpoint") + "), not of " + action);
      }
      if (line.get("sent") instanceof String key) {
        sent.put(key, Boolean.TRUE);
      } else if (line.get("key") instanceof String key && line.get("outcome") instanceof String outcome) {
        outcomes.put(key, outcome);
      }
    }
    if (!text.isEmpty() && !text.endsWith("\n")) {
      write("\n"); // Ends the torn line so the next record starts on its own.
    }
  }

  synchronized State state(String key) {
    String outcome = outcomes.get(key);
    if (outcome != null) {
      return outcome.equals(ItemOutcome.Outcome.UNKNOWN.id()) ? State.UNKNOWN : State.FINISHED;
    }
    return sent.containsKey(key) ? State.UNKNOWN : State.NEW;
  }

  /** The outcome a finished key had, e.g. {@code done}. */
  synchronized String outcome(String key) {
    return outcomes.get(key);
  }

  synchronized void sent(String key) {
    append(Map.of("sent", key));
    sent.put(key, Boolean.TRUE);
    if (durable) {
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write the checkpoint " + file + ": " + Failures.words(e), e);
      }
    }
  }

  synchronized void finished(ItemOutcome item) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("key", item.key());
    line.put("outcome", item.outcome().id());
    if (item.code() != null) {
      line.put("code", item.code());
    }
    if (item.requestId() != null) {
      line.put("requestId", item.requestId());
    }
    append(line);
    outcomes.put(item.key(), item.outcome().id());
  }

  private void append(Map<String, Object> line) {
    write(LINE.toJson(line) + "\n");
  }

  private void write(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the checkpoint " + file + ": " + Failures.words(e), e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
