package dev.zimclient.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Bulk progress on standard error: a bar redrawn in place on a terminal, otherwise a plain line
 * every few seconds. {@code total} is -1 when the count is unknown (standard input).
 */
final class Progress {
  private static final long TERMINAL_REDRAW_NANOS = 100_000_000L;
  private static final long PLAIN_LINE_NANOS = 5_000_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final long total;
  private final String noun;
  private final LongSupplier nanoTime;
  private final long started;
  private long done;
  private long lastShown;

  /** @param noun what is counted, e.g. {@code rooms} */
  Progress(PrintWriter err, boolean terminal, long total, String noun, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
    this.noun = noun;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.lastShown = started;
  }

  synchronized void advance() {
    done++;
    long now = nanoTime.getAsLong();
    boolean last = total >= 0 && done == total;
    if (last || now - lastShown >= (terminal ? TERMINAL_REDRAW_NANOS : PLAIN_LINE_NANOS)) {
      lastShown = now;
      show(now, last);
    }
  }

  synchronized long done() {
    return done;
  }

  double elapsedSeconds() {
    return (nanoTime.getAsLong() - started) / 1e9;
  }

  private void show(long now, boolean last) {
    double seconds = Math.max((now - started) / 1e9, 1e-9);
    double rate = done / seconds;
    String counts = total >= 0 ? done + "/" + total : Long.toString(done);
    String eta = total >= 0 && rate > 0 ? String.format(Locale.ROOT, "  ETA %s", duration((total - done) / rate)) : "";
    String stats = String.format(Locale.ROOT, "%s %s  %.1f/s%s", counts, noun, rate, eta);
    if (terminal) {
      err.print("\r" + bar() + " " + stats + "   " + (last ? System.lineSeparator() : ""));
    } else {
      err.println("progress: " + stats);
    }
    err.flush();
  }

  private String bar() {
    if (total <= 0) {
      return "";
    }
    int filled = (int) (BAR_WIDTH * done / total);
    return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }
}
