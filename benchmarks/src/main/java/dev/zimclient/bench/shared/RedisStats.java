package dev.zimclient.bench.shared;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Commands Redis has run, by name, from {@code INFO commandstats}: the round trips the limiters made. */
final class RedisStats {
  private static final Pattern CALLS = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)");

  private RedisStats() {}

  static Map<String, Long> commandCalls(String url) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      Map<String, Long> calls = new TreeMap<>();
      Matcher matcher = CALLS.matcher(connection.sync().info("commandstats"));
      while (matcher.find()) {
        calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
      }
      return calls;
    } finally {
      client.shutdown();
    }
  }

  /** Commands run between the two readings, the readings' own INFO, HELLO and CLIENT commands left out. */
  static long delta(Map<String, Long> before, Map<String, Long> after) {
    return after.entrySet().stream().filter(e -> counts(e.getKey()))
        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
  }

  /**
   * Round trips the clients made: Bucket4j sends a GET, then an EVAL of a script that runs one GET
   * (compare) or one SET (first write) inside Redis, which INFO counts too. So the GETs and SETs
   * counted are the GETs sent plus one per EVAL sent: the round trips.
   */
  static long roundTrips(Map<String, Long> before, Map<String, Long> after) {
    return delta(before, after, "get") + delta(before, after, "set");
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
    return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
  }

  static String describe(Map<String, Long> before, Map<String, Long> after) {
    StringBuilder text = new StringBuilder();
    after.forEach((name, calls) -> {
      long delta = calls - before.getOrDefault(name, 0L);
      if (counts(name) && delta > 0) {
        text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(delta);
      }
    });
    return text.toString();
  }

  private static boolean counts(String command) {
    return !command.equals("info") && !command.equals("hello") && !command.startsWith("client") && !command.equals("ping");
  }
}
