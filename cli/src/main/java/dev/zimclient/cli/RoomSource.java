package dev.zimclient.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Room IDs from the command line, a file or standard input, one per line. Lines are taken as they
 * are (a RoomId may contain spaces) except a trailing carriage return; empty lines are skipped.
 */
final class RoomSource implements Iterator<String>, AutoCloseable {
  private final Iterator<String> args;
  private final BufferedReader reader;
  private final long total;
  private String next;

  private RoomSource(Iterator<String> args, BufferedReader reader, long total) {
    this.args = args;
    this.reader = reader;
    this.total = total;
  }

  static RoomSource of(List<String> ids) {
    return new RoomSource(ids.iterator(), null, ids.size());
  }

  static RoomSource of(Path file) throws IOException {
    long count;
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      count = lines.filter(line -> !strip(line).isEmpty()).count();
    }
    return new RoomSource(null, Files.newBufferedReader(file, StandardCharsets.UTF_8), count);
  }

  static RoomSource of(InputStream in) {
    return new RoomSource(null, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), -1);
  }

  /** How many IDs there are, or -1 when unknown until the end of standard input. */
  long total() {
    return total;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (args != null) {
      next = args.hasNext() ? args.next() : null;
      return next != null;
    }
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        line = strip(line);
        if (!line.isEmpty()) {
          next = line;
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read room IDs: " + e.getMessage(), e);
    }
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String value = next;
    next = null;
    return value;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  private static String strip(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
