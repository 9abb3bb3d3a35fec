package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZimCommandTest {
  static final long APP_ID = 424242;
  static final String SECRET = "fedcba9876543210fedcba9876543210";

  @TempDir Path dir;
  ZimSimulator simulator;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  int zim(String... args) {
    return ZimCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new Terminal(false));
  }

  String[] withSimulator(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--app-id", String.valueOf(APP_ID), "--server-secret", SECRET, "--endpoint", simulator.baseUrl()));
    return all.toArray(String[]::new);
  }

  void startSimulator(String... rooms) {
    ZimSimulator.Builder builder = ZimSimulator.builder().app(APP_ID, SECRET);
    for (String room : rooms) {
      builder.seedRoom(room);
    }
    simulator = builder.start();
  }

  @Test
  void withoutCredentialsDestroysAgainstAnEmbeddedSimulator() {
    assertEquals(0, zim("destroy-room", "demo-room"));
    assertTrue(out.toString().startsWith("destroyed demo-room"), out.toString());
    assertTrue(err.toString().contains("using a local simulator at http://127.0.0.1:"), err.toString());
    assertTrue(err.toString().contains("seeded with 1 room(s)"));
  }

  @Test
  void singleRoomAgainstAnEndpoint() {
    startSimulator("room-1");
    assertEquals(0, zim(withSimulator("destroy-room", "room-1", "--from-user-id", "admin")));
    assertEquals("destroyed room-1", out.toString().strip().replaceAll(" \\[RequestId .*", ""));
    assertFalse(simulator.rooms().contains("room-1"));
    JournalEntry entry = simulator.journal().get(0);
    assertEquals("admin", entry.params().get("FromUserId"));
  }

  @Test
  void bulkGoesOnPastAFailureAndExitsOne() throws Exception {
    startSimulator("a", "b c", "d");
    Path file = dir.resolve("rooms.txt");
    Files.writeString(file, "a\r\nmissing\n\nb c\nd\n");
    assertEquals(1, zim(withSimulator("destroy-room", "--file", file.toString())));
    String text = out.toString();
    assertTrue(text.contains("destroyed a"), text);
    assertTrue(text.contains("destroyed b c"), text);
    assertTrue(text.contains("destroyed d"), text);
    assertTrue(text.contains("failed missing: DestroyRoom failed with code 660300001"), text);
    assertTrue(err.toString().contains("zim: destroyed 3 of 4 rooms"), err.toString());
    assertTrue(err.toString().contains("; 1 failed"), err.toString());
    assertTrue(simulator.rooms().isEmpty());
  }

  @Test
  void jsonPrintsOneObjectPerRoom() throws Exception {
    startSimulator("x");
    assertEquals(1, zim(withSimulator("destroy-room", "--json", "x", "y", "bad/id")));
    var adapter = new Moshi.Builder().build().adapter(Map.class);
    List<Map<?, ?>> rows = new ArrayList<>();
    for (String line : out.toString().strip().split("\\R")) {
      rows.add(adapter.fromJson(line));
    }
    assertEquals(3, rows.size());
    Map<?, ?> x = rows.stream().filter(r -> "x".equals(r.get("roomId"))).findFirst().orElseThrow();
    assertEquals("destroyed", x.get("outcome"));
    assertEquals(0.0, x.get("code"));
    assertTrue(x.get("requestId") != null);
    Map<?, ?> y = rows.stream().filter(r -> "y".equals(r.get("roomId"))).findFirst().orElseThrow();
    assertEquals("failed", y.get("outcome"));
    assertEquals(660300001.0, y.get("code"));
    Map<?, ?> bad = rows.stream().filter(r -> "bad/id".equals(r.get("roomId"))).findFirst().orElseThrow();
    assertEquals("invalid", bad.get("outcome"));
    assertTrue(((String) bad.get("message")).startsWith("RoomId contains '/'"));
    assertEquals(2, simulator.journal().size(), "the invalid ID was never sent");
  }

  @Test
  void standardInputWithDash() {
    startSimulator("s1", "s2");
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream("s1\ns2\n".getBytes(StandardCharsets.UTF_8)));
    try {
      assertEquals(0, zim(withSimulator("destroy-room", "--file", "-")));
    } finally {
      System.setIn(saved);
    }
    assertTrue(err.toString().contains("zim: destroyed 2 of 2 rooms"), err.toString());
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    assertEquals(2, zim("destroy-room"));
    assertTrue(err.toString().startsWith("zim: give ROOM_ID arguments or --file"), err.toString());
    assertEquals(2, zim("destroy-room", "--no-such-flag", "r"));
    assertEquals(2, zim("no-such-command"));
    assertFalse(err.toString().contains("\tat "), "no stack trace");
  }

  @Test
  void missingSecretIsAConfigurationError() {
    assertEquals(2, zim("destroy-room", "r", "--app-id", "5"));
    assertEquals("zim: missing ServerSecret: pass --server-secret or --server-secret-file, or set ZIM_SERVER_SECRET",
        err.toString().strip());
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() {
    assertEquals(2, zim("destroy-room", "r", "--app-id", "5", "--server-secret", SECRET, "--endpoint", "http://example.com/"));
    assertTrue(err.toString().contains("https"), err.toString());
    assertFalse(err.toString().contains(SECRET));
    assertEquals(2, zim("destroy-room", "r", "--app-id", "5", "--server-secret", SECRET, "--endpoint", "not a url"));
  }

  @Test
  void secretFromAFileIsUsedAndNeverPrinted() throws Exception {
    startSimulator("f");
    Path secretFile = dir.resolve("secret");
    Files.writeString(secretFile, SECRET + "\n");
    assertEquals(0, zim("destroy-room", "f", "--app-id", String.valueOf(APP_ID), "--server-secret-file",
        secretFile.toString(), "--endpoint", simulator.baseUrl(), "--verbose"));
    assertFalse(out.toString().contains(SECRET) || err.toString().contains(SECRET));
  }

  @Test
  void hundredRoomsArePacedAtTheLimitWithoutAThrottlingAnswer() throws Exception {
    String[] rooms = IntStream.range(0, 100).mapToObj(i -> "bulk-" + i).toArray(String[]::new);
    startSimulator(rooms);
    Path file = dir.resolve("bulk.txt");
    Files.write(file, List.of(rooms));
    long started = System.nanoTime();
    assertEquals(0, zim(withSimulator("destroy-room", "--file", file.toString())));
    double seconds = (System.nanoTime() - started) / 1e9;
    List<JournalEntry> journal = simulator.journal();
    assertEquals(100, journal.size());
    assertTrue(journal.stream().allMatch(JournalEntry::succeeded), "no throttling or other error answer");
    assertTrue(seconds >= 4.5, "paced at 20/s, not faster: " + seconds);
    assertTrue(err.toString().contains("progress: ") || seconds < 5, "plain progress lines off a terminal");
  }
}
