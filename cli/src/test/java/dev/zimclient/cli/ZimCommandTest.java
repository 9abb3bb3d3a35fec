package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** destroy-room as it always worked, now from the generic bulk machinery. */
class ZimCommandTest {
  static final long APP_ID = 424242;
  static final String SECRET = "fedcba9876543210fedcba9876543210";

  @TempDir Path dir;
  ZimSimulator simulator;
  Cli zim;

  @BeforeEach
  void cli() {
    zim = new Cli(dir);
  }

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
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
  void withoutCredentialsDestroysAgainstAnEmbeddedSimulatorThatHasTheRoom() {
    assertEquals(0, zim.run("destroy-room", "demo-room"));
    assertTrue(zim.out().startsWith("done demo-room [RequestId "), zim.out());
    assertTrue(zim.err().contains("using a local simulator at http://127.0.0.1:"), zim.err());
    assertTrue(zim.err().contains("To reach ZEGO: --app-id ID --server-secret-file FILE, or --profile NAME from "), zim.err());
  }

  @Test
  void singleRoomAgainstAnEndpoint() {
    startSimulator("room-1");
    assertEquals(0, zim.run(withSimulator("destroy-room", "room-1", "--from-user-id", "admin")));
    assertEquals("done room-1", zim.out().strip().replaceAll(" \\[RequestId .*", ""));
    assertFalse(simulator.rooms().contains("room-1"));
    assertEquals("admin", simulator.journal().get(0).params().get("FromUserId"));
  }

  @Test
  void theKeyAsAnOptionPrintsTheWholeResponse() throws Exception {
    startSimulator("room-1");
    assertEquals(0, zim.run(withSimulator("destroy-room", "--room-id", "room-1")));
    Map<?, ?> response = new Moshi.Builder().build().adapter(Map.class).fromJson(zim.out());
    assertEquals(0.0, response.get("Code"));
    assertEquals(simulator.journal().get(0).requestId(), response.get("RequestId"));
  }

  @Test
  void anAnswerWithAnErrorCodeExitsOneWithOneLine() {
    startSimulator();
    assertEquals(1, zim.run(withSimulator("destroy-room", "--room-id", "missing")));
    assertTrue(zim.err().startsWith("zim: DestroyRoom failed with code 660300001"), zim.err());
    assertEquals(1, zim.err().strip().lines().count(), zim.err());
  }

  @Test
  void bulkGoesOnPastAFailureAndExitsOne() throws Exception {
    startSimulator("a", "b c", "d");
    Path file = dir.resolve("rooms.txt");
    Files.writeString(file, "a\r\nmissing\n\nb c\nd\n");
    assertEquals(1, zim.run(withSimulator("destroy-room", "--file", file.toString())));
    String text = zim.out();
    assertTrue(text.contains("done a "), text);
    assertTrue(text.contains("done b c "), text);
    assertTrue(text.contains("done d "), text);
    assertTrue(text.contains("failed missing: DestroyRoom failed with code 660300001"), text);
    assertTrue(zim.err().contains("zim: destroy-room: done 3 of 4 rooms in "), zim.err());
    assertTrue(zim.err().contains("; 1 failed"), zim.err());
    assertTrue(simulator.rooms().isEmpty());
  }

  @Test
  void jsonPrintsOneObjectPerRoom() throws Exception {
    startSimulator("x");
    assertEquals(1, zim.run(withSimulator("destroy-room", "--json", "x", "y", "bad/id")));
    var adapter = new Moshi.Builder().build().adapter(Map.class);
    List<Map<?, ?>> rows = new ArrayList<>();
    for (String line : zim.out().strip().split("\\R")) {
      rows.add(adapter.fromJson(line));
    }
    assertEquals(3, rows.size());
    Map<?, ?> x = rows.stream().filter(r -> "x".equals(r.get("roomId"))).findFirst().orElseThrow();
    assertEquals("done", x.get("outcome"));
    assertEquals(0.0, x.get("code"));
    assertTrue(x.get("requestId") != null);
    assertEquals(x.get("requestId"), ((Map<?, ?>) x.get("response")).get("RequestId"));
    Map<?, ?> y = rows.stream().filter(r -> "y".equals(r.get("roomId"))).findFirst().orElseThrow();
    assertEquals("failed", y.get("outcome"));
    assertEquals(660300001.0, y.get("code"));
    Map<?, ?> bad = rows.stream().filter(r -> "bad/id".equals(r.get("roomId"))).findFirst().orElseThrow();
    assertEquals("invalid", bad.get("outcome"));
    assertTrue(((String) bad.get("message")).startsWith("RoomId contains '/'"), bad.toString());
    assertEquals(2, simulator.journal().size(), "the invalid ID was never sent");
  }

  @Test
  void standardInputWithDash() {
    startSimulator("s1", "s2");
    zim.stdin("s1\ns2\n");
    assertEquals(0, zim.run(withSimulator("destroy-room", "--file", "-")));
    assertTrue(zim.err().contains("zim: destroy-room: done 2 of 2 rooms"), zim.err());
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    assertEquals(2, zim.run("destroy-room"));
    assertTrue(zim.err().startsWith("zim: missing --room-id (RoomId, required)"), zim.err());
    assertEquals(2, zim.run("destroy-room", "--no-such-flag", "r"));
    assertEquals(2, zim.run("no-such-command"));
    assertEquals(2, zim.run("destroy-room", "r", "--file", "f"));
    assertTrue(zim.err().contains("zim: give ROOM_ID arguments or --file, not both"), zim.err());
    assertFalse(zim.err().contains("\tat "), "no stack trace");
  }

  @Test
  void missingSecretIsAConfigurationError() {
    assertEquals(2, zim.run("destroy-room", "r", "--app-id", "5"));
    assertEquals("zim: missing ServerSecret: pass --server-secret or --server-secret-file, or set ZIM_SERVER_SECRET",
        zim.err().strip());
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() {
    assertEquals(2, zim.run("destroy-room", "r", "--app-id", "5", "--server-secret", SECRET, "--endpoint", "http://example.com/"));
    assertTrue(zim.err().contains("https"), zim.err());
    assertFalse(zim.err().contains(SECRET));
    assertEquals(2, zim.run("destroy-room", "r", "--app-id", "5", "--server-secret", SECRET, "--endpoint", "not a url"));
  }

  @Test
  void secretFromAFileIsUsedAndNeverPrinted() throws Exception {
    startSimulator("f");
    Path secretFile = ProfilesTest.privateFile(dir.resolve("secret"), SECRET + "\n");
    assertEquals(0, zim.run("destroy-room", "f", "--app-id", String.valueOf(APP_ID), "--server-secret-file",
        secretFile.toString(), "--endpoint", simulator.baseUrl(), "--verbose"));
    assertFalse(zim.out().contains(SECRET) || zim.err().contains(SECRET));
  }

  @Test
  void hundredRoomsArePacedAtTheLimitWithoutAThrottlingAnswer() throws Exception {
    String[] rooms = IntStream.range(0, 100).mapToObj(i -> "bulk-" + i).toArray(String[]::new);
    startSimulator(rooms);
    Path file = dir.resolve("bulk.txt");
    Files.write(file, List.of(rooms));
    long started = System.nanoTime();
    assertEquals(0, zim.run(withSimulator("destroy-room", "--file", file.toString())));
    double seconds = (System.nanoTime() - started) / 1e9;
    List<JournalEntry> journal = simulator.journal();
    assertEquals(100, journal.size());
    assertTrue(journal.stream().allMatch(JournalEntry::succeeded), "no throttling or other error answer");
    assertTrue(seconds >= 4.5, "paced at 20/s, not faster: " + seconds);
    assertTrue(zim.err().contains("progress: ") || seconds < 5, "plain progress lines off a terminal");
  }
}
