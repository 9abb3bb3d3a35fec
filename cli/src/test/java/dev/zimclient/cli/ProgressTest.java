package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  final AtomicLong now = new AtomicLong();
  final StringWriter text = new StringWriter();

  @Test
  void terminalRedrawsOneBarWithCountRateAndEta() {
    Progress progress = new Progress(new PrintWriter(text), true, 4, "rooms", now::get);
    now.set(1_000_000_000L);
    progress.advance();
    now.set(2_000_000_000L);
    progress.advance();
    assertTrue(text.toString().contains("\r[###############---------------] 2/4 rooms  1.0/s  ETA 2s"), text.toString());
    progress.advance();
    progress.advance();
    assertTrue(text.toString().endsWith("4/4 rooms  2.0/s  ETA 0s   " + System.lineSeparator()), text.toString());
  }

  @Test
  void plainOutputPrintsALineEveryFewSecondsAndAtTheEnd() {
    Progress progress = new Progress(new PrintWriter(text), false, 3, "rooms", now::get);
    now.set(1_000_000_000L);
    progress.advance();
    assertEquals("", text.toString(), "too soon for a line");
    now.set(6_000_000_000L);
    progress.advance();
    progress.advance();
    assertEquals("progress: 2/3 rooms  0.3/s  ETA 3s" + System.lineSeparator()
        + "progress: 3/3 rooms  0.5/s  ETA 0s" + System.lineSeparator(), text.toString());
  }

  @Test
  void unknownTotalShowsCountAndRateOnly() {
    Progress progress = new Progress(new PrintWriter(text), false, -1, "rooms", now::get);
    now.set(10_000_000_000L);
    progress.advance();
    assertEquals("progress: 1 rooms  0.1/s" + System.lineSeparator(), text.toString());
  }

  @Test
  void durationsOverAMinuteShowMinutes() {
    assertEquals("2m05s", Progress.duration(125));
    assertEquals("59s", Progress.duration(59.2));
  }
}
