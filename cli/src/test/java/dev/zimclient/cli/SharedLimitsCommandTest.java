package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.redis.RedisOutagePolicy;
import dev.zimclient.simulator.ZimSimulator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import redis.embedded.RedisServer;

/** {@code --redis}: the AppId's limits shared through a real redis-server, and a clear refusal when none answers. */
class SharedLimitsCommandTest {
  static final long APP_ID = 434343;
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int zim(String... args) {
    return ZimCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new Terminal(false), Map.of(),
        simulator -> { });
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void redisPointingAtNothingExitsTwoWithOneLineNamingIt() throws Exception {
    int port = freePort();
    assertEquals(2, zim("destroy-room", "room-1", "--redis", "redis://:pa55word@127.0.0.1:" + port));
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).startsWith("zim: ") && lines.get(0).contains("redis://127.0.0.1:" + port), lines.get(0));
    assertFalse(err.toString().contains("pa55word"), "the password is never shown");
    assertEquals("", out.toString(), "nothing was destroyed");
  }

  @Test
  void roomsAreDestroyedOnLimitsKeptInRedis() throws Exception {
    int port = freePort();
    RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
    redis.start();
    try (ZimSimulator simulator = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("room-1").seedRoom("room-2").start()) {
      String url = "redis://127.0.0.1:" + port;
      assertEquals(0, zim("destroy-room", "room-1", "room-2", "--app-id", String.valueOf(APP_ID),
          "--server-secret", SECRET, "--endpoint", simulator.baseUrl(), "--redis", url,
          "--redis-outage", "local:0.25"), err.toString());
      assertTrue(simulator.rooms().isEmpty());
      RedisClient client = RedisClient.create(url);
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        assertEquals(List.of("zim:rl:" + APP_ID + ":DestroyRoom:1"), connection.sync().keys("zim:rl:" + APP_ID + ":*"),
            "the AppId's DestroyRoom budget is in Redis");
      } finally {
        client.shutdown();
      }
    } finally {
      redis.stop();
    }
  }

  @Test
  void theUrlComesFromTheFlagOrTheEnvironmentAndThePolicyIsChecked() {
    ConnectionOptions options = parse("--app-id", "5", "--server-secret", SECRET);
    assertNull(options.resolve(Map.of()).shared(), "no Redis: limits stay in the process");
    ConnectionOptions.Resolved fromEnv = options.resolve(Map.of(ConnectionOptions.REDIS_ENV, "redis://10.0.0.1:6379"));
    assertEquals("redis://10.0.0.1:6379", fromEnv.shared().url());
    assertEquals(RedisOutagePolicy.fail(), fromEnv.shared().outagePolicy(), "failing is the default");

    ConnectionOptions local = parse("--redis", "redis://h:1", "--redis-outage", "local:0.25");
    assertEquals(RedisOutagePolicy.localShare(0.25), local.resolve(Map.of()).shared().outagePolicy());
    for (String bad : List.of("local:0", "local:2", "local:x", "sometimes")) {
      ConnectionOptions wrong = parse("--redis", "redis://h:1", "--redis-outage", bad);
      assertThrows(ConfigurationException.class, () -> wrong.resolve(Map.of()), bad);
    }
    assertThrows(ConfigurationException.class, () -> parse("--redis", "http://h:1").resolve(Map.of()));
    assertFalse(parse("--redis", "redis://:secret@h:1").resolve(Map.of()).toString().contains("secret"));
  }

  private static ConnectionOptions parse(String... args) {
    ConnectionOptions options = new ConnectionOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }
}
