package dev.zimclient.bench.ratelimit;

import dev.zimclient.bench.Fixture;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.client.error.ZimThrottledException;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import java.io.IOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Saturates DestroyRoom from many threads against the simulator, which enforces the declared 20/s
 * per AppId in fixed one-second windows, once per limiter, and reports the rate achieved against
 * the declared one and how many throttling answers came back. Bounded: each scenario runs for the
 * given seconds, then stops.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zimclient.bench.ratelimit.RateLimitHarness \
 *     [--seconds 30] [--threads 16] [--json benchmarks/results/ratelimit.json] [scenario...]
 * </pre>
 */
public final class RateLimitHarness {
  /** DestroyRoom's limit in the spec. */
  static final int DECLARED_PER_SECOND = 20;
  /** The spec's throttle code for DestroyRoom (AppID-level rate exceeded). */
  static final int THROTTLE_CODE = 660300005;
  private static final long WARM_UP_APP_ID = Fixture.APP_ID + 1;
  private static final int WARM_UP_CALLS = 5;

  /** A limiter to try, by the name the report uses. */
  record Scenario(String name, ZimRateLimiter.Factory factory) {}

  /** What one scenario achieved. */
  record Outcome(String scenario, int threads, double seconds, long attempts, long accepted, long throttled,
      long otherAnswers, long callsThrottled, long callsFailedOtherwise) {
    double achievedPerSecond() {
      return accepted / seconds;
    }

    double ratio() {
      return achievedPerSecond() / DECLARED_PER_SECOND;
    }
  }

  private RateLimitHarness() {}

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("smooth(0.98)", ZimRateLimiters.smooth(0.98)),
        new Scenario("failsafeSmooth(0.98)", ZimRateLimiters.failsafeSmooth(0.98)),
        new Scenario("bursty()", ZimRateLimiters.bursty()),
        new Scenario("unlimited()", ZimRateLimiters.unlimited()));
  }

  public static void main(String[] args) throws Exception {
    double seconds = 30;
    int threads = 16;
    Path json = null;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        default -> names.add(args[i]);
      }
    }
    if (seconds <= 0 || seconds > 600 || threads < 1 || threads > 256) {
      throw new IllegalArgumentException("--seconds must be in (0, 600] and --threads in [1, 256]");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Scenario scenario : scenarios()) {
      if (names.isEmpty() || names.contains(scenario.name())) {
        Outcome outcome = run(scenario, threads, seconds);
        System.out.println(line(outcome));
        outcomes.add(outcome);
      }
    }
    if (json != null) {
      Files.writeString(json, toJson(outcomes), StandardCharsets.UTF_8);
    }
  }

  static Outcome run(Scenario scenario, int threads, double seconds) throws InterruptedException, IOException {
    AnswerLog log = new AnswerLog();
    // More rooms than any thread can destroy, so every answer is about the rate, not the room.
    int roomsPerThread = (int) (seconds * DECLARED_PER_SECOND * 3);
    ZimSimulator.Builder simulator = ZimSimulator.builder()
        .app(Fixture.APP_ID, Fixture.SERVER_SECRET)
        .app(WARM_UP_APP_ID, Fixture.SERVER_SECRET);
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < roomsPerThread; i++) {
        simulator.seedRoom(Fixture.APP_ID, room(t, i));
      }
    }
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      simulator.seedRoom(WARM_UP_APP_ID, "warm-up-" + i);
    }
    try (ZimSimulator server = simulator.start()) {
      warmUp(server.baseUrl());
      OkHttpClient http = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).addInterceptor(log).build();
      try (ZimClient client = ZimClient.builder()
          .appId(Fixture.APP_ID)
          .serverSecret(Fixture.SERVER_SECRET)
          .endpoint(server.baseUrl())
          .okHttpClient(http)
          .rateLimiterFactory(scenario.factory())
          .build()) {
        RoomApi rooms = client.create(RoomApi.class);
        AtomicLong callsThrottled = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          Thread worker = new Thread(() -> {
            for (int i = 0; System.nanoTime() < end; i++) {
              try {
                rooms.destroyRoom(room(thread, i), null);
              } catch (ZimThrottledException e) {
                callsThrottled.incrementAndGet();
              } catch (ZimException e) {
                failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
              }
            }
          }, "load-" + t);
          worker.start();
          workers.add(worker);
        }
        for (Thread worker : workers) {
          worker.join();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        return tally(scenario.name(), threads, seconds, start, end, log, callsThrottled.get(),
            failures.values().stream().mapToLong(AtomicLong::get).sum());
      }
    }
  }

  private static String room(int thread, int call) {
    return "room-" + thread + "-" + call;
  }

  /** Loads classes and JIT-compiles the path under another AppId, so the measured app's windows stay untouched. */
  private static void warmUp(String baseUrl) {
    try (ZimClient client = ZimClient.builder()
        .appId(WARM_UP_APP_ID)
        .serverSecret(Fixture.SERVER_SECRET)
        .endpoint(baseUrl)
        .rateLimiterFactory(ZimRateLimiters.smooth(0.5))
        .build()) {
      RoomApi rooms = client.create(RoomApi.class);
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        rooms.destroyRoom("warm-up-" + i, null);
      }
    }
  }

  /** Counts the attempts sent within [start, end): later ones had their permits reserved before the end. */
  static Outcome tally(String name, int threads, double seconds, long start, long end, AnswerLog log,
      long callsThrottled, long callsFailed) {
    long attempts = 0;
    long accepted = 0;
    long throttled = 0;
    long other = 0;
    for (AnswerLog.Answer answer : log.answers()) {
      if (answer.sentNanos() < start || answer.sentNanos() >= end) {
        continue;
      }
      attempts++;
      if (answer.code() != null && answer.code() == 0) {
        accepted++;
      } else if (answer.code() != null && answer.code() == THROTTLE_CODE) {
        throttled++;
      } else {
        other++;
      }
    }
    return new Outcome(name, threads, seconds, attempts, accepted, throttled, other, callsThrottled, callsFailed);
  }

  static String line(Outcome o) {
    return String.format(Locale.ROOT,
        "%-22s threads=%d seconds=%.0f attempts=%d accepted=%d throttled=%d other=%d achieved=%.2f/s ratio=%.3f"
            + " callsThrottled=%d callsFailedOtherwise=%d",
        o.scenario(), o.threads(), o.seconds(), o.attempts(), o.accepted(), o.throttled(), o.otherAnswers(),
        o.achievedPerSecond(), o.ratio(), o.callsThrottled(), o.callsFailedOtherwise());
  }

  static String toJson(List<Outcome> outcomes) {
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("scenario", "\"" + o.scenario() + "\"");
      fields.put("declaredPerSecond", DECLARED_PER_SECOND);
      fields.put("threads", o.threads());
      fields.put("seconds", o.seconds());
      fields.put("attempts", o.attempts());
      fields.put("accepted", o.accepted());
      fields.put("throttled", o.throttled());
      fields.put("otherAnswers", o.otherAnswers());
      fields.put("achievedPerSecond", String.format(Locale.ROOT, "%.3f", o.achievedPerSecond()));
      fields.put("ratio", String.format(Locale.ROOT, "%.4f", o.ratio()));
      fields.put("callsThrottled", o.callsThrottled());
      fields.put("callsFailedOtherwise", o.callsFailedOtherwise());
      json.append("  {");
      int n = 0;
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        json.append(n++ == 0 ? "" : ", ").append('"').append(field.getKey()).append("\": ").append(field.getValue());
      }
      json.append(i + 1 < outcomes.size() ? "},\n" : "}\n");
    }
    return json.append("]\n").toString();
  }
}
