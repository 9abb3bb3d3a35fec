package dev.zimclient.client.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends measured figures to {@code target/reliability-figures.txt}, one line per scenario, so
 * the numbers in RELIABILITY.md can be read off a run.
 */
final class Figures {
  private static final Path FILE = Path.of("target", "reliability-figures.txt");

  private Figures() {}

  static synchronized void record(String scenario, String figure) {
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, scenario + "\t" + figure + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
