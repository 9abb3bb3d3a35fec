package dev.zimclient.bench.shared;

import dev.zimclient.bench.Fixture;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.embedded.RedisServer;

/**
 * Several {@code zim destroy-room} processes (separate JVMs) of one AppId against one simulator,
 * which counts DestroyRoom's 20/s per AppId in fixed one-second windows and journals every request:
 * with their limits shared through one Redis, with each process's own limiter, and with Redis
 * killed in the middle of the run and started again. Reports the aggregate rate, the throttling
 * answers, and what became of every room. Bounded: each process has a fixed number of rooms.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zimclient.bench.shared.SharedLimitHarness \
 *     --zim-jar cli/target/zim.jar [--processes 4] [--rooms 150] [--local-share 0.2] [--json FILE] \
 *     [scenario...]
 * </pre>
 *
 * Scenarios: {@code shared}, {@code local}, {@code local-split} (each process {@code --qps} at its
 * share), {@code outage-fail}, {@code outage-local}.
 */
public final class SharedLimitHarness {
  static final int DECLARED_PER_SECOND = 20;
  static final int THROTTLED = 660300005;
  static final int NOT_FOUND = 660300001;
  private static final Pattern JSON_ROOM = Pattern.compile("\"roomId\":\"([^\"]*)\".*\"outcome\":\"([a-z]+)\"");

  private final Path zimJar;
  private final int processes;
  private final int roomsEach;
  private final Path work;
  private final double localShare;
  private Instant killed;
  private Instant back;

  SharedLimitHarness(Path zimJar, int processes, int roomsEach, Path work, double localShare) {
    this.zimJar = zimJar;
    this.processes = processes;
    this.roomsEach = roomsEach;
    this.work = work;
    this.localShare = localShare;
  }

  public static void main(String[] args) throws Exception {
    Path zimJar = Path.of("cli/target/zim.jar");
    int processes = 4;
    int rooms = 150;
    double share = 0.2;
    Path json = null;
    List<String> scenarios = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--zim-jar" -> zimJar = Path.of(args[++i]);
        case "--processes" -> processes = Integer.parseInt(args[++i]);
        case "--rooms" -> rooms = Integer.parseInt(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        case "--local-share" -> share = Double.parseDouble(args[++i]);
        default -> scenarios.add(args[i]);
      }
    }
    if (processes < 1 || processes > 8 || rooms < 1 || rooms > 2_000) {
      throw new IllegalArgumentException("--processes must be in [1, 8] and --rooms in [1, 2000]");
    }
    if (scenarios.isEmpty()) {
      scenarios = List.of("shared", "local", "local-split", "outage-fail", "outage-local");
    }
    Path work = Files.createTempDirectory("shared-limits");
    SharedLimitHarness harness = new SharedLimitHarness(zimJar, processes, rooms, work, share);
    List<Map<String, Object>> results = new ArrayList<>();
    for (String scenario : scenarios) {
      Map<String, Object> result = harness.run(scenario);
      System.out.println(result);
      results.add(result);
    }
    if (json != null) {
      Files.writeString(json, toJson(results), StandardCharsets.UTF_8);
    }
  }

  Map<String, Object> run(String scenario) throws Exception {
    boolean outage = scenario.startsWith("outage");
    boolean redisUsed = scenario.equals("shared") || outage;
    int port = freePort();
    String redisUrl = "redis://127.0.0.1:" + port;
    RedisServer redis = redisUsed ? startRedis(port) : null;
    ZimSimulator.Builder builder = ZimSimulator.builder().app(Fixture.APP_ID, Fixture.SERVER_SECRET)
        .journalCapacity(100_000);
    List<Path> files = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      List<String> rooms = new ArrayList<>();
      for (int i = 0; i < roomsEach; i++) {
        rooms.add(room(p, i));
        builder.seedRoom(Fixture.APP_ID, room(p, i));
      }
      Path file = work.resolve(scenario + "-rooms-" + p + ".txt");
      Files.write(file, rooms);
      files.add(file);
    }
    Map<String, Long> before = redis != null ? RedisStats.commandCalls(redisUrl) : Map.of();
    try (ZimSimulator simulator = builder.start()) {
      List<Process> running = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      Instant started = Instant.now();
      for (int p = 0; p < processes; p++) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", zimJar.toString(), "destroy-room",
            "--file", files.get(p).toString(), "--json", "--app-id", String.valueOf(Fixture.APP_ID),
            "--server-secret", Fixture.SERVER_SECRET, "--endpoint", simulator.baseUrl()));
        switch (scenario) {
          case "shared" -> command.addAll(List.of("--redis", redisUrl));
          case "local-split" -> command.addAll(List.of("--qps", String.valueOf(DECLARED_PER_SECOND / processes)));
          case "outage-fail" -> command.addAll(List.of("--redis", redisUrl, "--redis-outage", "fail"));
          // A share under 1/N: each process may put ceil(share x 20) requests into one window.
          case "outage-local" -> command.addAll(List.of("--redis", redisUrl, "--redis-outage",
              "local:" + localShare));
          case "local" -> { }
          default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        Path output = work.resolve(scenario + "-out-" + p + ".jsonl");
        outputs.add(output);
        running.add(new ProcessBuilder(command).redirectOutput(output.toFile())
            .redirectError(work.resolve(scenario + "-err-" + p + ".txt").toFile()).start());
      }
      Map<String, Object> result = new LinkedHashMap<>();
      killed = null;
      back = null;
      result.put("scenario", scenario);
      result.put("processes", processes);
      result.put("roomsEach", roomsEach);
      if (outage) {
        // Once every process is destroying rooms, Redis goes away for 10 s, then comes back empty
        // (no persistence), as after a crash and a restart.
        Instant allRunning = awaitEveryProcess(simulator, started.plusSeconds(120));
        result.put("allProcessesRunningAtS", seconds(started, allRunning));
        sleepUntil(allRunning.plusSeconds(8));
        redis.stop();
        killed = Instant.now();
        result.put("redisKilledAtS", seconds(started, killed));
        sleepUntil(killed.plusSeconds(10));
        redis = startRedis(port);
        back = Instant.now();
        result.put("redisBackAtS", seconds(started, back));
      }
      for (Process process : running) {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
          process.destroyForcibly();
        }
      }
      Map<String, Long> after = redis != null && !outage ? RedisStats.commandCalls(redisUrl) : Map.of();
      tally(result, simulator.journal(), outputs, started);
      if (!after.isEmpty()) {
        long calls = (long) result.get("accepted") + (long) result.get("throttled") + (long) result.get("otherAnswers");
        result.put("redisRoundTripsPerRequest", String.format(Locale.ROOT, "%.2f",
            RedisStats.roundTrips(before, after) / (double) Math.max(1, calls)));
        result.put("redisCommands", RedisStats.describe(before, after));
      }
      return result;
    } finally {
      if (redis != null && redis.isActive()) {
        redis.stop();
      }
    }
  }

  /** When every process has had a room destroyed, or {@code latest}. */
  private Instant awaitEveryProcess(ZimSimulator simulator, Instant latest) throws InterruptedException {
    while (Instant.now().isBefore(latest)) {
      long running = simulator.journal().stream().filter(JournalEntry::succeeded)
          .map(entry -> process(String.valueOf(entry.params().get("RoomId")))).distinct().count();
      if (running == processes) {
        return Instant.now();
      }
      Thread.sleep(100);
    }
    return Instant.now();
  }

  /** What the journal and the processes' own outputs say about the run and about every room. */
  private void tally(Map<String, Object> result, List<JournalEntry> journal, List<Path> outputs, Instant started)
      throws IOException {
    long accepted = 0;
    long throttled = 0;
    long other = 0;
    Map<String, Integer> successes = new HashMap<>();
    Map<String, Integer> requests = new HashMap<>();
    long notFoundAfterSuccess = 0;
    List<Instant> acceptedTimes = new ArrayList<>();
    Map<Integer, Instant[]> spanOf = new HashMap<>();
    Map<String, Long> phases = new LinkedHashMap<>();
    if (killed != null) {
      phases.put("throttledBeforeKill", 0L);
      phases.put("throttledWhileDown", 0L);
      phases.put("throttledAfterRestart", 0L);
    }
    for (JournalEntry entry : journal) {
      String room = String.valueOf(entry.params().get("RoomId"));
      requests.merge(room, 1, Integer::sum);
      if (entry.succeeded()) {
        accepted++;
        successes.merge(room, 1, Integer::sum);
        acceptedTimes.add(entry.receivedAt());
        Instant[] span = spanOf.computeIfAbsent(process(room), p -> new Instant[] {entry.receivedAt(), entry.receivedAt()});
        span[0] = span[0].isBefore(entry.receivedAt()) ? span[0] : entry.receivedAt();
        span[1] = span[1].isAfter(entry.receivedAt()) ? span[1] : entry.receivedAt();
      } else if (entry.code() == THROTTLED) {
        throttled++;
        if (killed != null) {
          String phase = entry.receivedAt().isBefore(killed) ? "throttledBeforeKill"
              : entry.receivedAt().isBefore(back) ? "throttledWhileDown" : "throttledAfterRestart";
          phases.merge(phase, 1L, Long::sum);
        }
      } else {
        other++;
        if (entry.code() == NOT_FOUND && successes.containsKey(room)) {
          notFoundAfterSuccess++;
        }
      }
    }
    Map<String, String> outcomes = new HashMap<>();
    for (Path output : outputs) {
      for (String line : Files.readAllLines(output)) {
        Matcher matcher = JSON_ROOM.matcher(line);
        if (matcher.find()) {
          outcomes.put(matcher.group(1), matcher.group(2));
        }
      }
    }
    long destroyed = 0;
    long failedNothingSent = 0;
    long failedAfterSending = 0;
    long failedButDestroyed = 0;
    long noOutcome = 0;
    long destroyedTwice = 0;
    for (int p = 0; p < processes; p++) {
      for (int i = 0; i < roomsEach; i++) {
        String room = room(p, i);
        String outcome = outcomes.get(room);
        int succeeded = successes.getOrDefault(room, 0);
        destroyedTwice += succeeded > 1 ? 1 : 0;
        if (outcome == null) {
          noOutcome++;
        } else if (outcome.equals("destroyed")) {
          destroyed++;
        } else if (succeeded > 0) {
          failedButDestroyed++;
        } else if (requests.containsKey(room)) {
          failedAfterSending++;
        } else {
          failedNothingSent++;
        }
      }
    }
    result.put("requestsSent", (long) journal.size());
    result.put("accepted", accepted);
    result.put("throttled", throttled);
    result.put("otherAnswers", other);
    result.putAll(phases);
    if (killed != null) {
      result.put("acceptedWhileDown", journal.stream().filter(JournalEntry::succeeded)
          .filter(e -> !e.receivedAt().isBefore(killed) && e.receivedAt().isBefore(back)).count());
      result.put("maxAcceptedInOneSecondWindowWhileDown", maxInWindow(journal.stream().filter(JournalEntry::succeeded)
          .map(JournalEntry::receivedAt).filter(t -> !t.isBefore(killed) && t.isBefore(back)).toList()));
    }
    result.put("roomsDestroyed", destroyed);
    result.put("roomsFailedNothingSent", failedNothingSent);
    result.put("roomsFailedAfterThrottledOrErrorAnswers", failedAfterSending);
    result.put("roomsReportedFailedButDestroyed", failedButDestroyed);
    result.put("roomsWithoutOutcome", noOutcome);
    result.put("roomsDestroyedTwice", destroyedTwice);
    result.put("notFoundAfterSuccess", notFoundAfterSuccess);
    acceptedTimes.sort(null);
    if (acceptedTimes.size() > 1) {
      result.put("runS", seconds(started, acceptedTimes.get(acceptedTimes.size() - 1)));
      // The stretch when every process was destroying rooms: from the last one's first success to
      // the first one's last success. Start-up and the tail of a process left alone stay out.
      Instant from = spanOf.values().stream().map(span -> span[0]).max(Instant::compareTo).orElseThrow();
      Instant to = spanOf.values().stream().map(span -> span[1]).min(Instant::compareTo).orElseThrow();
      long inside = acceptedTimes.stream().filter(t -> !t.isBefore(from) && !t.isAfter(to)).count();
      double span = Duration.between(from, to).toNanos() / 1e9;
      if (spanOf.size() == processes && span > 1) {
        result.put("allRunningS", String.format(Locale.ROOT, "%.1f", span));
        result.put("aggregatePerSecond", String.format(Locale.ROOT, "%.2f", inside / span));
        result.put("ratioOfDeclared", String.format(Locale.ROOT, "%.3f", inside / span / DECLARED_PER_SECOND));
      }
      result.put("maxAcceptedInOneSecondWindow", maxInWindow(acceptedTimes));
    }
  }

  /** The most successes the simulator counted in one of its fixed one-second windows. */
  private static long maxInWindow(List<Instant> times) {
    Map<Long, Long> perWindow = new HashMap<>();
    times.forEach(t -> perWindow.merge(t.toEpochMilli() / 1000, 1L, Long::sum));
    return perWindow.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static int process(String room) {
    return Integer.parseInt(room.substring(1, room.indexOf('-')));
  }

  private static String room(int process, int index) {
    return "p" + process + "-room-" + index;
  }

  static RedisServer startRedis(int port) throws IOException {
    RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
        .setting("save \"\"").setting("appendonly no").build();
    redis.start();
    return redis;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private static String seconds(Instant from, Instant to) {
    return String.format(Locale.ROOT, "%.1f", Duration.between(from, to).toNanos() / 1e9);
  }

  static String toJson(List<Map<String, Object>> results) {
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < results.size(); i++) {
      json.append("  {");
      int n = 0;
      for (Map.Entry<String, Object> field : results.get(i).entrySet()) {
        Object value = field.getValue();
        String text = value instanceof Number ? value.toString() : "\"" + value + "\"";
        json.append(n++ == 0 ? "" : ", ").append('"').append(field.getKey()).append("\": ").append(text);
      }
      json.append(i + 1 < results.size() ? "},\n" : "}\n");
    }
    return json.append("]\n").toString();
  }
}
