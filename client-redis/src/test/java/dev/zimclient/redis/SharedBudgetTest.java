package dev.zimclient.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.generated.ZimRateLimit.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Budgets in a real Redis, shared by two factories as two processes would share them: one per AppId,
 * action, window and key value; slots spaced across both; a daily cap counted once for both.
 */
class SharedBudgetTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long APP = 1_000_001L;

  static RedisProcess redis;
  static RedisRateLimiters first;
  static RedisRateLimiters second;

  @BeforeAll
  static void start() {
    redis = RedisProcess.start();
    first = RedisRateLimiters.builder().redisUri(redis.uri()).connect();
    second = RedisRateLimiters.builder().redisUri(redis.uri()).connect();
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    redis.close();
  }

  private static ZimActionLimit perSecond(String action, int permits) {
    return new ZimActionLimit(action, permits, Duration.ofSeconds(1), Scope.APP).forApp(APP);
  }

  @Test
  void twoProcessesOfOneAppShareOneBudgetAndAnotherAppHasItsOwn() {
    ZimRateLimiter here = first.create(perSecond("ShareOneBudget", 1));
    ZimRateLimiter there = second.create(perSecond("ShareOneBudget", 1));
    ZimRateLimiter otherApp = second.create(perSecond("ShareOneBudget", 1).forApp(APP + 1));

    assertEquals(0, here.reservePermit(SECOND));
    long wait = there.reservePermit(5 * SECOND);
    assertTrue(wait > 0.9 * SECOND, "the second process waits for the next slot: " + wait);
    assertEquals(0, otherApp.reservePermit(SECOND), "another AppId is another budget");
    assertEquals(-1, here.reservePermit(SECOND / 2), "two slots taken: none within half a second");
  }

  @Test
  void eachRoomHasItsOwnBudgetSharedByEveryProcess() {
    ZimActionLimit room = new ZimActionLimit("PerRoom", 1, Duration.ofSeconds(1), Scope.ROOM).forApp(APP);
    ZimRateLimiter roomAHere = first.create(room.forKey("room-a"));
    ZimRateLimiter roomAThere = second.create(room.forKey("room-a"));
    ZimRateLimiter roomBThere = second.create(room.forKey("room-b"));

    assertEquals(0, roomAHere.reservePermit(SECOND));
    assertEquals(-1, roomAThere.reservePermit(SECOND / 2), "room-a's slot is taken in the other process too");
    assertEquals(0, roomBThere.reservePermit(SECOND), "room-b has its own budget");

    List<String> keys = new ArrayList<>();
    redis.with(commands -> keys.addAll(commands.keys("zim:rl:" + APP + ":PerRoom:*")));
    Collections.sort(keys);
    assertEquals(List.of("zim:rl:" + APP + ":PerRoom:1:room:room-a", "zim:rl:" + APP + ":PerRoom:1:room:room-b"), keys);
  }

  @Test
  void slotsFromBothProcessesAreOneIntervalApart() throws Exception {
    int permits = 20;
    long interval = (long) (SECOND / (permits * RedisRateLimiters.DEFAULT_UTILIZATION));
    List<ZimRateLimiter> limiters = List.of(first.create(perSecond("Spaced", permits)),
        second.create(perSecond("Spaced", permits)));
    // Each slot is known here only within the round trip that granted it: [asked + wait, answered + wait].
    List<long[]> slots = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      ZimRateLimiter limiter = limiters.get(t % 2);
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 10; i++) {
          long asked = System.nanoTime();
          long wait = limiter.reservePermit(10 * SECOND);
          slots.add(new long[] {asked + wait, System.nanoTime() + wait});
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(40, slots.size());
    long slack = TimeUnit.MILLISECONDS.toNanos(1);
    for (int i = 0; i < slots.size(); i++) {
      for (int j = i + 1; j < slots.size(); j++) {
        long[] a = slots.get(i);
        long[] b = slots.get(j);
        // One interval apart in one order or the other, as far as the round trips let us see.
        long widest = Math.max(b[1] - a[0], a[1] - b[0]);
        assertTrue(widest >= interval - slack, "slots " + i + " and " + j + " fall within " + widest / 1e6 + " ms");
      }
    }
    long firstAsked = slots.stream().mapToLong(slot -> slot[0]).min().orElseThrow();
    long lastAnswered = slots.stream().mapToLong(slot -> slot[1]).max().orElseThrow();
    assertTrue(lastAnswered - firstAsked >= 39 * interval - slack, "39 intervals for 40 slots");
  }

  @Test
  void aBurstOfReservationsGoesToRedisInAFewRequestsAndKeepsItsSlotsApart() {
    int permits = 20;
    long interval = (long) Math.ceil(SECOND / (permits * RedisRateLimiters.DEFAULT_UTILIZATION));
    ZimRateLimiter limiter = first.create(perSecond("Burst", permits));
    long[] gets = new long[2];
    redis.with(commands -> gets[0] = getCalls(commands.info("commandstats")));
    List<java.util.concurrent.CompletableFuture<Long>> reserved = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Each slot as a time here: the wait counts from the moment its answer came.
      reserved.add(limiter.reservePermitsAsync(1, 10 * SECOND).thenApply(wait -> System.nanoTime() + wait));
    }
    List<Long> slots = new ArrayList<>(reserved.stream().map(java.util.concurrent.CompletableFuture::join).toList());
    redis.with(commands -> gets[1] = getCalls(commands.info("commandstats")));

    // Each request to Redis is a GET and a script that runs one more GET (or a SET) inside Redis.
    assertTrue(gets[1] - gets[0] <= 8, "40 reservations in a few requests: " + (gets[1] - gets[0]) / 2);
    Collections.sort(slots);
    int sameAnswer = 0;
    for (int i = 1; i < slots.size(); i++) {
      // Slots of one answer are an interval apart to within the time it took to hand them out; across
      // answers, each counts from its own answer, which came a round trip after Redis's clock read.
      long gap = slots.get(i) - slots.get(i - 1);
      assertTrue(gap > interval - TimeUnit.MILLISECONDS.toNanos(15), "slot " + i + ": " + gap);
      sameAnswer += Math.abs(gap - interval) < TimeUnit.MILLISECONDS.toNanos(1) ? 1 : 0;
    }
    assertTrue(sameAnswer >= 30, "most slots came in one answer: " + sameAnswer);
  }

  private static long getCalls(String commandStats) {
    java.util.regex.Matcher calls = java.util.regex.Pattern.compile("cmdstat_get:calls=(\\d+)").matcher(commandStats);
    return calls.find() ? Long.parseLong(calls.group(1)) : 0;
  }

  @Test
  void aDailyCapIsCountedOnceForEveryProcess() {
    ZimActionLimit daily = new ZimActionLimit("DailyCap", 3, Duration.ofDays(1), Scope.APP).forApp(APP);
    ZimRateLimiter here = first.create(daily);
    ZimRateLimiter there = second.create(daily);

    assertEquals(0, here.reservePermit(SECOND));
    assertEquals(0, there.reservePermit(SECOND));
    assertEquals(0, here.reservePermit(SECOND));
    assertEquals(-1, there.reservePermit(SECOND), "the day's three are spent, whoever spent them");
    assertEquals(-1, here.reservePermit(SECOND));
  }

  @Test
  void aCallerTooLateForItsSlotTakesANewOneAndAnOnTimeOneSendsAtOnce() {
    ZimRateLimiter here = first.create(perSecond("Late", 2));
    ZimRateLimiter there = second.create(perSecond("Late", 2));
    assertEquals(0, here.reservePermit(SECOND));
    assertEquals(0L, here.claimSendAsync(1, 0).join(), "on time: send now");

    long otherSlot = there.reservePermit(5 * SECOND);
    assertTrue(otherSlot > 0, "the other process holds the next slot");
    // Back half a second late for a slot: the next slot is the other process's, so a new one.
    long newSlot = here.claimSendAsync(1, SECOND / 2).join();
    assertTrue(newSlot > otherSlot, "a new slot after the other process's: " + newSlot + " vs " + otherSlot);
  }

  @Test
  void aLimitWithoutAppIdIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> first.create(new ZimActionLimit("NoApp", 1, Duration.ofSeconds(1), Scope.APP)));
  }

  @Test
  void itNamesRedisWithoutItsPassword() {
    int port = RedisProcess.freePort();
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> RedisRateLimiters.builder().redisUri("redis://:hunter2@127.0.0.1:" + port).connect());
    assertTrue(refused.getMessage().contains("redis://127.0.0.1:" + port), refused.getMessage());
    assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    assertFalse(first.toString().contains("hunter2"));
    assertFalse(RedisRateLimiters.builder().redisUri("redis://:hunter2@127.0.0.1:1").toString().contains("hunter2"));
  }
}
