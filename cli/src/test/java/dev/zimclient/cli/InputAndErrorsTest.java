package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.simulator.ZimSimulator;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: files from other editors, IDs with spaces, and failures said in words. */
class InputAndErrorsTest {
  static final long APP_ID = 737373;
  static final String SECRET = "ffeeddccbbaa99887766554433221100";

  @TempDir Path dir;
  ZimSimulator simulator;
  Cli zim;

  @BeforeEach
  void start() {
    simulator = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("room-a").seedRoom("room-b")
        .seedRoom(" padded").seedRoom("padded too ").start();
    zim = new Cli(dir);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  String[] withSimulator(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--app-id", String.valueOf(APP_ID), "--server-secret", SECRET, "--endpoint", simulator.baseUrl()));
    return all.toArray(String[]::new);
  }

  @Test
  void aLeadingByteOrderMarkIsNotPartOfTheFirstId() throws Exception {
    Path file = dir.resolve("windows.txt");
    Files.writeString(file, "\uFEFFroom-a\r\nroom-b\r\n");
    assertEquals(0, zim.run(withSimulator("destroy-room", "--file", file.toString())), zim.out() + zim.err());
    assertEquals(List.of("room-a", "room-b"), simulator.journal().stream().map(e -> e.params().get("RoomId")).sorted().toList());
  }

  @Test
  void idsWithSpacesAtTheirEndsAreSentAsTheyAreWithOneWarning() throws Exception {
    Path file = dir.resolve("padded.txt");
    Files.writeString(file, " padded\npadded too \n");
    assertEquals(0, zim.run(withSimulator("destroy-room", "--file", file.toString())), zim.out() + zim.err());
    assertEquals(List.of(" padded", "padded too "), simulator.journal().stream().map(e -> (String) e.params().get("RoomId")).sorted().toList());
    assertEquals(1, zim.err().lines().filter(line -> line.contains("warning: some IDs have spaces at their start or end")).count(), zim.err());
    assertTrue(zim.err().contains("(first: ' padded' on line 1)"), zim.err());
  }

  @Test
  void aMissingFileIsSaidInWords() {
    assertEquals(2, zim.run(withSimulator("destroy-room", "--file", dir.resolve("nonexistent").toString())));
    assertEquals("zim: cannot read the file " + dir.resolve("nonexistent") + ": no such file", zim.err().strip());
    assertEquals(2, zim.run(withSimulator("create-room", "--body", "@" + dir.resolve("nope.json"))));
    assertFalse(zim.err().contains("java."), zim.err());
  }

  @Test
  void aRefusedConnectionIsSaidInWordsAndTheClassOnlyWithVerbose() {
    List<String> args = List.of("destroy-room", "r1", "r2", "--app-id", "1", "--server-secret", SECRET, "--endpoint", "http://127.0.0.1:1/");
    assertEquals(1, zim.run(args.toArray(String[]::new)));
    assertTrue(zim.out().contains("failed r1: DestroyRoom: cannot connect to the server"), zim.out());
    assertTrue(zim.out().contains("check the network or --endpoint"), zim.out());
    assertFalse(zim.out().contains("java."), zim.out());
    Cli verbose = new Cli(dir);
    List<String> withVerbose = new ArrayList<>(args);
    withVerbose.add("--verbose");
    assertEquals(1, verbose.run(withVerbose.toArray(String[]::new)));
    assertTrue(verbose.out().contains("java.net.ConnectException"), verbose.out());
  }

  @Test
  void anUnresolvableHostIsSaidInWords() {
    var failure = new ZimTransportException("DestroyRoom", "java.net.UnknownHostException: zim-api.zego.im", true,
        new UnknownHostException("zim-api.zego.im"));
    assertEquals("DestroyRoom: cannot resolve the host zim-api.zego.im; check the network or --endpoint", Failures.describe(failure, false));
    assertTrue(Failures.describe(failure, true).endsWith("<- java.net.UnknownHostException: zim-api.zego.im]"));
  }
}
