package dev.zimclient.client.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Established TCP connections to or from a local port, as Linux lists them in /proc/net. */
final class TcpConnections {
  private static final String ESTABLISHED = "01";

  private TcpConnections() {}

  /** Waits until no connection on {@code port} is established; returns how many still are. */
  static int awaitNoneEstablished(int port, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    int count;
    while ((count = established(port)) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return count;
  }

  static int established(int port) {
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    int count = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      try {
        for (String line : Files.readAllLines(path)) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length > 3 && fields[3].equals(ESTABLISHED)
              && (fields[1].endsWith(hexPort) || fields[2].endsWith(hexPort))) {
            count++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return count;
  }
}
