package dev.zimclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A bounded load on loopback: signed DestroyRoom requests (the whole pipeline: decoding,
 * signature, nonce registry, validation, room lookup, journal) from a few OkHttp threads for a
 * few seconds, with the rate limit lifted. Client and simulator share the machine's cores, so the
 * figure is a floor for the simulator alone. Runs only with {@code -Dzim.load=true}; settings:
 * {@code zim.load.threads} (default 4, at most 32), {@code zim.load.warmup} (default 15) and
 * {@code zim.load.seconds} (default 5), each at most 30. The warm-up is long because the JIT
 * shares the two cores with the load: after 5 s on a busy machine it had not yet compiled the
 * HTTP server's request path, and the figure measured the compiler rather than the simulator.
 */
@EnabledIfSystemProperty(named = "zim.load", matches = "true")
class ThroughputMeasurement {

  @Test
  void measureRequestsPerSecond() throws Exception {
    int threads = Math.min(32, Integer.getInteger("zim.load.threads", 4));
    int seconds = Math.min(30, Integer.getInteger("zim.load.seconds", 5));
    int warmUpSeconds = Math.min(30, Integer.getInteger("zim.load.warmup", 15));
    try (ZimSimulator zim = ZimSimulator.builder().app(12345, "load-secret").noRateLimits().start()) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequestsPerHost(threads);
      OkHttpClient http = TestGatewayClient.HTTP.newBuilder()
          .dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(threads, 1, TimeUnit.MINUTES))
          .build();
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), 12345, "load-secret", Clock.systemUTC());

      // Long enough for the JIT, which shares the cores with the load.
      run(http, client, threads, warmUpSeconds * 1_000_000_000L, new LongAdder(), new ConcurrentHashMap<>());
      zim.clearJournal();
      LongAdder done = new LongAdder();
      Map<Integer, LongAdder> codes = new ConcurrentHashMap<>();
      long serverCpuBefore = serverCpuNanos(false);
      long serverUserBefore = serverCpuNanos(true);
      long start = System.nanoTime();
      run(http, client, threads, seconds * 1_000_000_000L, done, codes);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long serverCpu = serverCpuNanos(false) - serverCpuBefore;
      long serverUser = serverCpuNanos(true) - serverUserBefore;

      double perSecond = done.sum() / elapsed;
      System.out.printf("ZIM simulator throughput: %d requests in %.2f s with %d client threads = %.0f requests/s;"
              + " simulator CPU %.1f us per request (%.1f us in user mode)%n",
          done.sum(), elapsed, threads, perSecond, serverCpu / 1e3 / done.sum(), serverUser / 1e3 / done.sum());
      assertEquals(Map.of(660300001, done.sum()), Map.copyOf(codes).entrySet().stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())));
      assertTrue(done.sum() > 0);
    }
  }

  // CPU time of the HTTP server's threads (acceptor, selector, handlers: all of the simulator's work
  // per request), which are named after it.
  private static long serverCpuNanos(boolean userOnly) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
      if (info.getThreadName().startsWith("zim-simulator-http-")) {
        long id = info.getThreadId();
        total += Math.max(0, userOnly ? threads.getThreadUserTime(id) : threads.getThreadCpuTime(id));
      }
    }
    return total;
  }

  private static void run(OkHttpClient http, TestGatewayClient client, int threads, long nanos,
      LongAdder done, Map<Integer, LongAdder> codes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long deadline = System.nanoTime() + nanos;
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int worker = t;
        workers.add(pool.submit(() -> {
          long n = 0;
          while (System.nanoTime() < deadline) {
            Request request = new Request.Builder().url(client.url("DestroyRoom", "RoomId", "w" + worker + "-" + n++)).build();
            try (Response response = http.newCall(request).execute()) {
              String body = response.body().string();
              int code = Integer.parseInt(body.substring(8, body.indexOf(',')));
              codes.computeIfAbsent(code, c -> new LongAdder()).increment();
              done.increment();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
