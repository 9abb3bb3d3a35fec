package dev.zimclient.bench.shared;

import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.generated.ZimRateLimit;
import dev.zimclient.redis.RedisRateLimiters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * What a permit costs when Redis keeps it: the time to reserve one (median and p99) and the Redis
 * commands per reservation, against a redis-server on loopback, next to the in-process limiter. The
 * limit is a million a second, so that no reservation waits: what is measured is the asking alone.
 * One reserving thread, then four threads with a connection each (four processes, one bucket), where
 * compare-and-swap collisions add round trips. Bounded by the reservation counts.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zimclient.bench.shared.PermitLatencyHarness \
 *     [--reservations 20000] [--json FILE]
 * </pre>
 */
public final class PermitLatencyHarness {
  private static final long APP_ID = 1_234_567_890L;
  private static final ZimActionLimit LIMIT =
      new ZimActionLimit("Latency", 1_000_000, Duration.ofSeconds(1), ZimRateLimit.Scope.APP).forApp(APP_ID);

  private PermitLatencyHarness() {}

  public static void main(String[] args) throws Exception {
    int reservations = 20_000;
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reservations" -> reservations = Integer.parseInt(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (reservations < 100 || reservations > 1_000_000) {
      throw new IllegalArgumentException("--reservations must be in [100, 1000000]");
    }
    List<Map<String, Object>> results = new ArrayList<>();
    results.add(measure("in-process smooth(0.98)", List.of(ZimRateLimiters.smooth(0.98).create(LIMIT)), reservations,
        null));
    int port = SharedLimitHarness.freePort();
    RedisServer redis = SharedLimitHarness.startRedis(port);
    String url = "redis://127.0.0.1:" + port;
    try {
      List<RedisRateLimiters> factories = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        factories.add(RedisRateLimiters.builder().redisUri(url).timeout(Duration.ofSeconds(2)).connect());
      }
      try {
        results.add(measure("redis, 1 thread", List.of(factories.get(0).create(LIMIT)),
            reservations, url));
        List<ZimRateLimiter> four = factories.stream().map(f -> f.create(LIMIT.forApp(APP_ID + 1))).toList();
        results.add(measure("redis, 4 connections on one bucket", four, reservations / 4, url));
      } finally {
        factories.forEach(RedisRateLimiters::close);
      }
    } finally {
      redis.stop();
    }
    results.forEach(System.out::println);
    if (json != null) {
      Files.writeString(json, SharedLimitHarness.toJson(results), StandardCharsets.UTF_8);
    }
  }

  /** Each limiter reserves {@code each} permits on a thread of its own, after a warm-up. */
  private static Map<String, Object> measure(String name, List<ZimRateLimiter> limiters, int each, String url)
      throws InterruptedException {
    for (ZimRateLimiter limiter : limiters) {
      for (int i = 0; i < 2_000; i++) {
        limiter.reservePermitsAsync(1, TimeUnit.SECONDS.toNanos(1)).join();
      }
    }
    Map<String, Long> before = url != null ? RedisStats.commandCalls(url) : Map.of();
    long[][] took = new long[limiters.size()][each];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < limiters.size(); t++) {
      ZimRateLimiter limiter = limiters.get(t);
      long[] mine = took[t];
      Thread thread = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          long start = System.nanoTime();
          long wait = limiter.reservePermitsAsync(1, TimeUnit.SECONDS.toNanos(1)).join();
          mine[i] = System.nanoTime() - start;
          if (wait < 0) {
            throw new IllegalStateException("a permit was refused");
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long[] all = Arrays.stream(took).flatMapToLong(Arrays::stream).sorted().toArray();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("limiter", name);
    result.put("reservations", (long) all.length);
    result.put("medianMicros", String.format(Locale.ROOT, "%.1f", all[all.length / 2] / 1e3));
    result.put("p99Micros", String.format(Locale.ROOT, "%.1f", all[(int) (all.length * 0.99)] / 1e3));
    if (url != null) {
      Map<String, Long> after = RedisStats.commandCalls(url);
      result.put("roundTripsPerReservation",
          String.format(Locale.ROOT, "%.2f", RedisStats.roundTrips(before, after) / (double) all.length));
      result.put("redisCommands", RedisStats.describe(before, after));
    }
    return result;
  }
}
