package dev.zimclient.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two clients of one AppId, each with its own connection to one Redis as two processes would have,
 * destroy rooms as fast as their limiters let them against the simulator, which counts DestroyRoom's
 * 20/s per AppId in fixed one-second windows: together they stay under it and near it. The same
 * run with each client's own in-process limiter is throttled, which shows the check can fail.
 */
class SharedPacingTest {
  private static final long APP_ID = 2_000_002L;
  private static final String SECRET = "shared-pacing-secret";
  private static final int DECLARED_PER_SECOND = 20;
  private static final int THROTTLED = 660300005;
  private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(4);

  static RedisProcess redis;

  @BeforeAll
  static void start() {
    redis = RedisProcess.start();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void twoProcessesSharingRedisStayUnderTheAppsLimitAndNearIt() throws Exception {
    try (RedisRateLimiters one = RedisRateLimiters.builder().redisUri(redis.uri()).connect();
        RedisRateLimiters two = RedisRateLimiters.builder().redisUri(redis.uri()).connect()) {
      Run run = destroyRooms(one, two);
      assertEquals(0, run.throttled, "no throttling answer: " + run);
      double rate = run.acceptedInFirstThreeSeconds / 3.0;
      assertTrue(rate >= 0.85 * DECLARED_PER_SECOND, "near the limit together: " + rate + "/s, " + run);
      assertTrue(run.perClient[0] > 0 && run.perClient[1] > 0, "both clients sent: " + run);
    }
  }

  @Test
  void twoProcessesEachPacingAloneAreThrottled() throws Exception {
    Run run = destroyRooms(ZimRateLimiters.smooth(ZimRateLimiters.DEFAULT_UTILIZATION),
        ZimRateLimiters.smooth(ZimRateLimiters.DEFAULT_UTILIZATION));
    assertTrue(run.throttled > 0, "twice the limit between them: " + run);
  }

  /** What the simulator answered during one run. */
  record Run(long accepted, long acceptedInFirstThreeSeconds, long throttled, long[] perClient) {
    @Override
    public String toString() {
      return "accepted=" + accepted + " (" + acceptedInFirstThreeSeconds + " in the first 3 s) throttled=" + throttled
          + " perClient=" + perClient[0] + "/" + perClient[1];
    }
  }

  private static Run destroyRooms(ZimRateLimiter.Factory... factories) throws Exception {
    ZimSimulator.Builder builder = ZimSimulator.builder().app(APP_ID, SECRET).journalCapacity(100_000);
    int roomsEach = 400;
    for (int c = 0; c < factories.length; c++) {
      for (int i = 0; i < roomsEach; i++) {
        builder.seedRoom(APP_ID, room(c, i));
      }
    }
    long[] perClient = new long[factories.length];
    try (ZimSimulator simulator = builder.start()) {
      List<ZimClient> clients = new ArrayList<>();
      List<Thread> loaders = new ArrayList<>();
      long end = System.nanoTime() + RUN_NANOS;
      for (int c = 0; c < factories.length; c++) {
        ZimClient client = ZimClient.builder().appId(APP_ID).serverSecret(SECRET).endpoint(simulator.baseUrl())
            .rateLimiterFactory(factories[c]).maxAttempts(1).build();
        clients.add(client);
        RoomApi rooms = client.create(RoomApi.class);
        int index = c;
        AtomicInteger sent = new AtomicInteger();
        Thread loader = new Thread(() -> {
          // As the bulk command does: a bounded number of async calls in flight.
          Semaphore inFlight = new Semaphore(20);
          for (int i = 0; i < roomsEach && System.nanoTime() < end; i++) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<?> call = rooms.destroyRoomAsync(room(index, i), null);
            call.whenComplete((ok, failure) -> inFlight.release());
            sent.incrementAndGet();
          }
          inFlight.acquireUninterruptibly(20);
          perClient[index] = sent.get();
        });
        loader.start();
        loaders.add(loader);
      }
      for (Thread loader : loaders) {
        loader.join();
      }
      clients.forEach(ZimClient::close);
      long accepted = 0;
      long early = 0;
      long throttled = 0;
      List<JournalEntry> journal = simulator.journal();
      java.time.Instant cut = journal.get(0).receivedAt().plusSeconds(3);
      for (JournalEntry entry : journal) {
        if (entry.succeeded()) {
          accepted++;
          early += entry.receivedAt().isBefore(cut) ? 1 : 0;
        } else if (entry.code() == THROTTLED) {
          throttled++;
        }
      }
      return new Run(accepted, early, throttled, perClient);
    }
  }

  private static String room(int client, int index) {
    return "room-" + client + "-" + index;
  }
}
