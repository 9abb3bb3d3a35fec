package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --checkpoint: nothing lost, nothing sent twice, across a SIGKILL, a Ctrl-C and a rerun. */
class ResumableBulkTest {
  static final long APP_ID = 848484;
  static final String SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

  @TempDir Path dir;
  ZimSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  List<String> connection() {
    return List.of("--app-id", String.valueOf(APP_ID), "--server-secret", SECRET, "--endpoint", simulator.baseUrl());
  }

  Path roomsFile(List<String> rooms) throws Exception {
    Path file = dir.resolve("rooms.txt");
    Files.write(file, rooms);
    return file;
  }

  /** The keys a checkpoint shows finished, and those it shows sent without an outcome. */
  record Recorded(Set<String> finished, Set<String> inFlight) {
    static Recorded read(Path checkpoint) throws Exception {
      var adapter = new Moshi.Builder().build().adapter(Map.class);
      Set<String> finished = new HashSet<>();
      Set<String> sent = new HashSet<>();
      String text = Files.readString(checkpoint, StandardCharsets.UTF_8);
      for (String line : text.lines().toList()) {
        try {
          Map<?, ?> record = adapter.fromJson(line);
          if (record.get("sent") != null) {
            sent.add((String) record.get("sent"));
          } else if (record.get("key") != null) {
            finished.add((String) record.get("key"));
          }
        } catch (Exception torn) {
          // The line the process was killed in.
        }
      }
      sent.removeAll(finished);
      return new Recorded(finished, sent);
    }
  }

  @Test
  void killedWithSigkillAndRerunEveryRoomIsDestroyedOnceAndNoneSentTwiceUnlessItsOutcomeWasUnknown() throws Exception {
    List<String> rooms = IntStream.range(0, 200).mapToObj(i -> "room-" + i).toList();
    ZimSimulator.Builder builder = ZimSimulator.builder().app(APP_ID, SECRET);
    rooms.forEach(builder::seedRoom);
    simulator = builder.start();
    Path file = roomsFile(rooms);
    Path checkpoint = dir.resolve("job.checkpoint");
    List<String> args = new ArrayList<>(List.of("destroy-room", "--file", file.toString(), "--checkpoint", checkpoint.toString()));
    args.addAll(connection());

    Process child = zimProcess(args);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.exists(checkpoint) || Recorded.read(checkpoint).finished().size() < 60) {
      assertTrue(child.isAlive(), "the job ended before it could be killed: " + Files.readString(dir.resolve("child.err")));
      assertTrue(System.nanoTime() < deadline, "the child made no progress");
      Thread.sleep(20);
    }
    child.destroyForcibly(); // SIGKILL: no hook, no flush, nothing runs
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
    Recorded atKill = Recorded.read(checkpoint);
    int sentBeforeRerun = simulator.journal().size();

    Cli rerun = new Cli(dir);
    int code = rerun.run(args.toArray(String[]::new));
    assertTrue(code == 0 || code == 1, rerun.err());
    assertTrue(rerun.err().contains(atKill.finished().size() + " skipped (finished before)"), rerun.err());

    assertTrue(simulator.rooms().isEmpty(), "every room destroyed");
    Map<Object, Long> requests = simulator.journal().stream().collect(Collectors.groupingBy(e -> e.params().get("RoomId"), Collectors.counting()));
    Map<Object, Long> successes = simulator.journal().stream().filter(JournalEntry::succeeded)
        .collect(Collectors.groupingBy(e -> e.params().get("RoomId"), Collectors.counting()));
    for (String room : rooms) {
      assertEquals(1L, successes.get(room), room + " destroyed exactly once");
      long allowed = atKill.inFlight().contains(room) ? 2 : 1;
      assertTrue(requests.get(room) <= allowed, room + " sent " + requests.get(room) + " times; in flight at the kill: "
          + atKill.inFlight().contains(room));
    }
    assertTrue(sentBeforeRerun >= atKill.finished().size());
    assertEquals(new HashSet<>(rooms), Recorded.read(checkpoint).finished(), "the checkpoint ends with every room finished");
  }

  @Test
  void anActionThatMustNotRunTwiceIsNotResentWhenItsOutcomeIsUnknown() throws Exception {
    simulator = ZimSimulator.builder().app(APP_ID, SECRET).start();
    Path owners = dir.resolve("owners.txt");
    Files.write(owners, List.of("o1", "o2", "o3"));
    Path checkpoint = dir.resolve("groups.checkpoint");
    Files.writeString(checkpoint, "{\"checkpoint\":\"CreateGroup\"}\n{\"sent\":\"o1\"}\n{\"key\":\"o1\",\"outcome\":\"done\",\"code\":0}\n"
        + "{\"sent\":\"o2\"}\n{\"sent\":\"o3\"}\n{\"key\":\"o3\",\"outc");
    List<String> args = new ArrayList<>(List.of("create-group", "--file", owners.toString(), "--checkpoint", checkpoint.toString()));
    args.addAll(connection());

    Cli zim = new Cli(dir);
    assertEquals(1, zim.run(args.toArray(String[]::new)));
    assertTrue(zim.out().contains("unknown o2: outcome unknown: an earlier run stopped while it was in flight; not sent again"), zim.out());
    assertTrue(zim.out().contains("unknown o3: "), "a torn last line leaves its item unknown: " + zim.out());
    assertTrue(simulator.journal().isEmpty(), "nothing resent");
    assertTrue(zim.err().contains("2 outcome unknown; 1 skipped (finished before)"), zim.err());

    args.add("--resend-unknown");
    Cli resend = new Cli(dir);
    assertEquals(0, resend.run(args.toArray(String[]::new)), resend.out() + resend.err());
    assertEquals(List.of("o2", "o3"), simulator.journal().stream().map(e -> e.params().get("GroupOwner")).sorted().toList());
    assertEquals(Set.of("o1", "o2", "o3"), Recorded.read(checkpoint).finished());

    Cli other = new Cli(dir);
    List<String> otherJob = new ArrayList<>(List.of("destroy-room", "r1", "--checkpoint", checkpoint.toString()));
    otherJob.addAll(connection());
    assertEquals(2, other.run(otherJob.toArray(String[]::new)));
    assertTrue(other.err().contains("is the checkpoint of another job (CreateGroup)"), other.err());
  }

  @Test
  void ctrlCStopsAfterTheRequestsInFlightWritesTheSummaryAndExits130() throws Exception {
    List<String> rooms = IntStream.range(0, 60).mapToObj(i -> "c-" + i).toList();
    ZimSimulator.Builder builder = ZimSimulator.builder().app(APP_ID, SECRET);
    rooms.forEach(builder::seedRoom);
    simulator = builder.start();
    Path checkpoint = dir.resolve("stop.checkpoint");
    List<String> args = new ArrayList<>(List.of("destroy-room", "--file", roomsFile(rooms).toString(), "--checkpoint", checkpoint.toString()));
    args.addAll(connection());

    Cli zim = new Cli(dir);
    Thread interrupter = new Thread(() -> {
      while (simulator.journal().size() < 15) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
      zim.stop.request();
    });
    interrupter.start();
    assertEquals(130, zim.run(args.toArray(String[]::new)));
    interrupter.join();
    assertTrue(zim.err().contains("stopped before the end: rerun with the same --checkpoint to go on"), zim.err());
    Recorded stopped = Recorded.read(checkpoint);
    assertEquals(Set.of(), stopped.inFlight(), "every request in flight finished and was recorded");
    assertEquals(stopped.finished(), roomsSucceeded(), "what was recorded is what the server did");
    assertTrue(stopped.finished().size() < rooms.size());

    assertEquals(0, new Cli(dir).run(args.toArray(String[]::new)));
    assertTrue(simulator.rooms().isEmpty());
    assertEquals(rooms.size(), simulator.journal().stream().filter(JournalEntry::succeeded).count(), "no room destroyed twice");
    assertEquals(new HashSet<>(rooms), roomsSucceeded());
  }

  @Test
  void aRealSigintEndsTheRequestsInFlightRecordsThemAndExits130() throws Exception {
    List<String> rooms = IntStream.range(0, 100).mapToObj(i -> "s-" + i).toList();
    ZimSimulator.Builder builder = ZimSimulator.builder().app(APP_ID, SECRET);
    rooms.forEach(builder::seedRoom);
    simulator = builder.start();
    Path checkpoint = dir.resolve("sigint.checkpoint");
    List<String> args = new ArrayList<>(List.of("destroy-room", "--file", roomsFile(rooms).toString(), "--checkpoint", checkpoint.toString()));
    args.addAll(connection());
    Process child = zimProcess(args);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.exists(checkpoint) || Recorded.read(checkpoint).finished().size() < 10) {
      assertTrue(child.isAlive() && System.nanoTime() < deadline, Files.readString(dir.resolve("child.err")));
      Thread.sleep(20);
    }
    assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor());
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("child.err"));
    assertEquals(130, child.exitValue(), err);
    assertTrue(err.contains("stopped before the end: rerun with the same --checkpoint to go on"), err);
    Recorded stopped = Recorded.read(checkpoint);
    assertEquals(Set.of(), stopped.inFlight(), "the requests in flight finished and were recorded");
    assertEquals(stopped.finished(), roomsSucceeded());
    assertTrue(stopped.finished().size() < rooms.size(), "stopped before the end");
  }

  private Set<Object> roomsSucceeded() {
    return simulator.journal().stream().filter(JournalEntry::succeeded).map(e -> e.params().get("RoomId")).collect(Collectors.toSet());
  }

  /** {@code zim} in a process of its own, on this test's class path. */
  private Process zimProcess(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ZimCommand.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("child.out").toFile())
        .redirectError(dir.resolve("child.err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put(Profiles.CONFIG_ENV, dir.resolve("no-config").toString());
    return builder.start();
  }
}
