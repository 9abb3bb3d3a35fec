package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ZimSimulatorMainTest {

  private static final Function<String, String> NO_ENV = name -> null;

  @Test
  void parsesPortAppsAndSeeds() {
    MainArguments args = MainArguments.parse(
        new String[] {"--port", "8080", "--app-id", "1", "--server-secret", "s1", "--app-id", "2", "--server-secret", "s2", "--seed-room", "a b"},
        NO_ENV);
    assertEquals(8080, args.port());
    assertEquals(Map.of(1L, "s1", 2L, "s2"), args.apps());
    assertEquals(List.of("a b"), args.seedRooms());
    assertFalse(args.toString().contains("s1"));
  }

  @Test
  void takesTheSecretFromTheEnvironmentWhenNotGiven() {
    MainArguments args = MainArguments.parse(new String[] {"--app-id", "7"}, name -> name.equals("ZIM_SERVER_SECRET") ? "from-env" : null);
    assertEquals(Map.of(7L, "from-env"), args.apps());
    assertEquals(0, args.port());
  }

  @Test
  void refusesBadCommandLines() {
    for (String[] bad : List.of(
        new String[] {},
        new String[] {"--app-id", "7"},
        new String[] {"--app-id", "x", "--server-secret", "s"},
        new String[] {"--server-secret", "s"},
        new String[] {"--app-id", "7", "--server-secret"},
        new String[] {"--app-id", "7", "--server-secret", "s", "--port", "70000"},
        new String[] {"--app-id", "7", "--server-secret", "s", "--verbose"})) {
      assertThrows(IllegalArgumentException.class, () -> MainArguments.parse(bad, NO_ENV), String.join(" ", bad));
    }
    assertTrue(MainArguments.parse(new String[] {"--help"}, NO_ENV).help());
  }

  @Test
  void startsAServerThatSaysWhereItListens() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    MainArguments args = MainArguments.parse(new String[] {"--app-id", "12345", "--server-secret", "9193cc662a4c0ec135ec71fb57194b38", "--seed-room", "r"}, NO_ENV);
    try (ZimSimulator zim = ZimSimulatorMain.start(args, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String line = printed.toString(StandardCharsets.UTF_8);
      assertTrue(line.startsWith("ZIM simulator listening on " + zim.baseUrl() + " for AppIds [12345]"), line);
      assertFalse(line.contains("9193cc662a4c0ec135ec71fb57194b38"));
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), 12345, "9193cc662a4c0ec135ec71fb57194b38", Clock.systemUTC());
      assertEquals(0, code(client.get("DestroyRoom", "RoomId", "r")));
    }
  }
}
