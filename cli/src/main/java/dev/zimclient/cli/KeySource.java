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
import java.util.function.Consumer;

/**
 * The keys of a bulk run, from the arguments, a file or standard input, one per line. A line is
 * taken as it is (ZEGO allows spaces inside IDs) but for a trailing carriage return and a leading
 * byte-order mark, which Windows editors write; empty lines are skipped. A key with spaces at
 * either end is still sent, and said once.
 */
final class KeySource implements Iterator<String>, AutoCloseable {
  private static final char BOM = '\uFEFF';

  private final Iterator<String> args;
  private final BufferedReader reader;
  private final long total;
  private final Consumer<String> warn;
  private boolean warned;
  private long line;
  private String next;

  private KeySource(Iterator<String> args, BufferedReader reader, long total, Consumer<String> warn) {
    this.args = args;
    this.reader = reader;
    this.total = total;
    this.warn = warn;
  }

  static KeySource of(List<String> keys, Consumer<String> warn) {
    return new KeySource(keys.iterator(), null, keys.size(), warn);
  }

  /** The keys of a file, or of standard input for {@code -}. */
  static KeySource of(String file, InputStream stdin, Consumer<String> warn) {
    if (file.equals("-")) {
      return new KeySource(null, new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), -1, warn);
    }
    Path path = Path.of(file);
    try {
      long count;
      try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
        count = lines.filter(line -> !clean(withoutBom(line)).isEmpty()).count();
      }
      return new KeySource(null, Files.newBufferedReader(path, StandardCharsets.UTF_8), count, warn);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the file " + file + ": " + Failures.words(e));
    } catch (UncheckedIOException e) {
      throw new ConfigurationException("cannot read the file " + file + ": " + Failures.words(e.getCause()));
    }
  }

  /** How many keys there are, or -1 when unknown until the end of standard input. */
  long total() {
    return total;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (args != null) {
      next = args.hasNext() ? check(args.next()) : null;
      return next != null;
    }
    try {
      String text;
      while ((text = reader.readLine()) != null) {
        line++;
        text = clean(line == 1 ? withoutBom(text) : text);
        if (!text.isEmpty()) {
          next = check(text);
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the keys: " + Failures.words(e));
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

  private String check(String key) {
    if (!warned && !key.equals(key.strip())) {
      warned = true;
      warn.accept("warning: some IDs have spaces at their start or end (first: '" + key + "'"
          + (line > 0 ? " on line " + line : "") + "); they are sent as they are");
    }
    return key;
  }

  static String withoutBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  private static String clean(String text) {
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
