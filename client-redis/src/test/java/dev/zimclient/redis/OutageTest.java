package dev.zimclient.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped, slowed and started again under a client calling the simulator: a bounded wait,
 * then the chosen policy; one log line when the outage starts and one when it ends; shared limits
 * again once Redis answers.
 */
class OutageTest {
  private static final long APP_ID = 3_000_003L;
  private static final String SECRET = "outage-secret";
  private static final Duration TIMEOUT = Duration.ofMillis(150);
  private static final Duration PROBE = Duration.ofMillis(200);

  RedisProcess redis;
  ZimSimulator simulator;
  int rooms;

  @BeforeEach
  void start() {
    redis = RedisProcess.start();
    ZimSimulator.Builder builder = ZimSimulator.builder().app(APP_ID, SECRET).journalCapacity(10_000);
    for (int i = 0; i < 500; i++) {
      builder.seedRoom(APP_ID, "room-" + i);
    }
    simulator = builder.start();
  }

  @AfterEach
  void stop() {
    simulator.close();
    redis.close();
  }

  private RedisRateLimiters limiters(RedisOutagePolicy policy) {
    return RedisRateLimiters.builder().redisUri(redis.uri()).timeout(TIMEOUT).probeInterval(PROBE)
        .outagePolicy(policy).connect();
  }

  private ZimClient client(RedisRateLimiters limiters) {
    return ZimClient.builder().appId(APP_ID).serverSecret(SECRET).endpoint(simulator.baseUrl())
        .rateLimiterFactory(limiters).build();
  }

  private String room() {
    return "room-" + rooms++;
  }

  @Test
  void failPolicyFailsTypedWithNothingSentThenRecovers() throws Exception {
    try (RedisRateLimiters limiters = limiters(RedisOutagePolicy.fail()); ZimClient client = client(limiters)) {
      RoomApi api = client.create(RoomApi.class);
      api.destroyRoom(room(), null);
      int sentBefore = simulator.journal().size();

      redis.down();
      long started = System.nanoTime();
      ZimRedisUnavailableException failed = assertThrows(ZimRedisUnavailableException.class,
          () -> api.destroyRoom(room(), null));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(tookMillis < 1_000, "a bounded wait: " + tookMillis + " ms");
      assertEquals("DestroyRoom", failed.action());
      assertEquals(redis.uri(), failed.redisAddress());
      CompletionException async = assertThrows(CompletionException.class,
          () -> api.destroyRoomAsync(room(), null).join());
      assertInstanceOf(ZimRedisUnavailableException.class, async.getCause());
      assertEquals(sentBefore, simulator.journal().size(), "nothing was sent while Redis was down");
      assertTrue(limiters.isRedisDown());

      redis.up();
      awaitSuccess(api);
      assertFalse(limiters.isRedisDown());
    }
  }

  @Test
  void localPolicyPacesAtItsShareThroughTheOutageThenSharesAgain() throws Exception {
    try (RedisRateLimiters limiters = limiters(RedisOutagePolicy.localShare(0.25)); ZimClient client = client(limiters)) {
      RoomApi api = client.create(RoomApi.class);
      api.destroyRoom(room(), null);
      redis.down();
      simulator.clearJournal();

      // 2.5 s of calls, as many as the limiter lets through: a quarter of 20/s is 5/s.
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_500);
      List<CompletableFuture<?>> calls = new ArrayList<>();
      while (System.nanoTime() < end) {
        calls.add(api.destroyRoomAsync(room(), null));
        while (calls.stream().filter(call -> !call.isDone()).count() >= 5) {
          Thread.sleep(5);
        }
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
      List<java.time.Instant> accepted = simulator.journal().stream().filter(entry -> entry.succeeded())
          .map(entry -> entry.receivedAt()).sorted().toList();
      assertEquals(calls.size(), accepted.size(), "every call went through");
      double seconds = Duration.between(accepted.get(0), accepted.get(accepted.size() - 1)).toNanos() / 1e9;
      double rate = (accepted.size() - 1) / seconds;
      assertTrue(rate > 4 && rate <= 5.2, "a quarter of 20/s: " + rate + "/s over " + accepted.size() + " calls");

      redis.up();
      awaitShared(api, limiters);
    }
  }

  @Test
  void aSlowRedisIsWaitedForNoLongerThanTheTimeout() throws Exception {
    try (RedisRateLimiters limiters = limiters(RedisOutagePolicy.fail()); ZimClient client = client(limiters)) {
      RoomApi api = client.create(RoomApi.class);
      api.destroyRoom(room(), null);
      // DEBUG SLEEP blocks the whole server: every client's request waits, as with an overloaded Redis.
      Thread sleeper = new Thread(() -> redis.with(commands -> commands.dispatch(CommandType.DEBUG,
          new StatusOutput<>(StringCodec.UTF8), new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add("1.5"))));
      sleeper.start();
      Thread.sleep(100); // Redis is now asleep for the next 1.4 s

      long started = System.nanoTime();
      assertThrows(ZimRedisUnavailableException.class, () -> api.destroyRoom(room(), null));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(tookMillis >= TIMEOUT.toMillis() - 20 && tookMillis < 700, "waited about the timeout: " + tookMillis);
      sleeper.join();
      awaitSuccess(api);
    }
  }

  @Test
  void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (RedisRateLimiters limiters = limiters(RedisOutagePolicy.localShare(0.5)); ZimClient client = client(limiters)) {
      RoomApi api = client.create(RoomApi.class);
      api.destroyRoom(room(), null);
      redis.down();
      for (int i = 0; i < 8; i++) {
        api.destroyRoom(room(), null); // over more than one probe interval: the probes fail too
      }
      redis.up();
      awaitShared(api, limiters);
      for (int i = 0; i < 3; i++) {
        api.destroyRoom(room(), null);
      }
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertEquals(1, count(log, "is not answering"), log);
    assertEquals(1, count(log, "answers again"), log);
    assertTrue(log.contains("Redis at " + redis.uri() + " is not answering"), log);
  }

  /** Calls until one goes through on shared limits again; Lettuce reconnects within a second or so. */
  private void awaitSuccess(RoomApi api) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        api.destroyRoom(room(), null);
        return;
      } catch (ZimRedisUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  /** Calls until Redis answers one of them again: under the local policy every call goes through anyway. */
  private void awaitShared(RoomApi api, RedisRateLimiters limiters) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (limiters.isRedisDown()) {
      assertTrue(System.nanoTime() < deadline, "Redis answers again within 10 s");
      api.destroyRoom(room(), null);
      Thread.sleep(50);
    }
  }

  private static int count(String text, String phrase) {
    Matcher matcher = Pattern.compile(Pattern.quote(phrase)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
