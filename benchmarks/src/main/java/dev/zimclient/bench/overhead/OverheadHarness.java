package dev.zimclient.bench.overhead;

import dev.zimclient.bench.DestroyRoomBenchmark;
import dev.zimclient.bench.InMemoryBenchmark;
import dev.zimclient.bench.LoopbackBenchmark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The client's overhead as ratios measured side by side: the ways of sending DestroyRoom that
 * {@link DestroyRoomBenchmark} compares run in short interleaved blocks, in a new random order
 * each round, so that whatever else the machine does in a round hits every way alike. Each
 * round yields one ratio per way against raw OkHttp; the report gives their median and
 * quartiles. On a shared virtual machine, where JMH's back-to-back runs of each benchmark drift
 * by tens of percent, this is what makes a 5 % target decidable.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.zimclient.bench.overhead.OverheadHarness \
 *     [--transport loopback|in-memory] [--rounds 60] [--calls N] [--json FILE]
 * </pre>
 */
public final class OverheadHarness {
  private OverheadHarness() {}

  public static void main(String[] args) throws Exception {
    String transport = "loopback";
    int rounds = 60;
    int calls = 0;
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--transport" -> transport = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (calls == 0) {
      // Blocks of roughly 100 ms or more: the process CPU clock ticks in milliseconds.
      calls = transport.equals("in-memory") ? 10_000 : 2_000;
    }
    if (rounds < 5 || rounds > 10_000 || calls < 100 || calls > 1_000_000) {
      throw new IllegalArgumentException("--rounds must be in [5, 10000] and --calls in [100, 1000000]");
    }
    DestroyRoomBenchmark benchmark = switch (transport) {
      case "loopback" -> new LoopbackBenchmark();
      case "in-memory" -> new InMemoryBenchmark();
      default -> throw new IllegalArgumentException("--transport is loopback or in-memory: " + transport);
    };
    benchmark.setUp();
    try {
      Report report = run(benchmark, Ways.of(benchmark), transport, rounds, calls);
      System.out.print(report.text());
      if (json != null) {
        Files.writeString(json, report.json(), StandardCharsets.UTF_8);
      }
    } finally {
      benchmark.tearDown();
    }
  }

  static Report run(DestroyRoomBenchmark benchmark, List<Way> ways, String transport, int rounds, int calls) {
    BlockMeter meter = new BlockMeter();
    // Warm-up: long enough for the JIT to compile every way's whole path.
    for (int i = 0; i < 10; i++) {
      for (Way way : ways) {
        meter.measure(way, calls);
      }
    }
    Map<String, List<Block>> blocks = new LinkedHashMap<>();
    ways.forEach(way -> blocks.put(way.name(), new ArrayList<>()));
    List<Way> order = new ArrayList<>(ways);
    Random random = new Random(42);
    for (int round = 0; round < rounds; round++) {
      Collections.shuffle(order, random);
      for (Way way : order) {
        blocks.get(way.name()).add(meter.measure(way, calls));
      }
    }
    return new Report(transport, rounds, calls, blocks);
  }

  /** One way of sending the call, by the name the report uses. */
  record Way(String name, Call call) {
    interface Call {
      Object run() throws Exception;
    }
  }

  /** The ways {@link DestroyRoomBenchmark} defines, raw OkHttp first as the anchor. */
  static final class Ways {
    private Ways() {}

    static List<Way> of(DestroyRoomBenchmark benchmark) {
      return List.of(
          new Way(Report.ANCHOR, benchmark::rawOkHttp),
          new Way("zimClient", benchmark::zimClient),
          new Way("rawOkHttpSigned", benchmark::rawOkHttpSigned),
          new Way("stockClient", benchmark::stockClient));
    }
  }

  /** What one block of calls of one way cost, per call. */
  record Block(double wallNanos, double cpuNanos, double processCpuNanos, double bytes) {}

  /**
   * Quartiles of a sample, and a 95 % confidence interval of its median from order statistics,
   * which assumes nothing of the distribution: a ratio target is met when the whole interval
   * clears it.
   */
  record Quartiles(double q1, double median, double q3, double low95, double high95) {
    static Quartiles of(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      int n = sorted.size();
      double spread = 1.96 * Math.sqrt(n);
      int low = Math.max(1, (int) Math.floor((n - spread) / 2));
      int high = Math.min(n, (int) Math.ceil(1 + (n + spread) / 2));
      return new Quartiles(at(sorted, 0.25), at(sorted, 0.5), at(sorted, 0.75), sorted.get(low - 1),
          sorted.get(high - 1));
    }

    private static double at(List<Double> sorted, double p) {
      double index = p * (sorted.size() - 1);
      int low = (int) Math.floor(index);
      int high = (int) Math.ceil(index);
      return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (index - low);
    }

    String format(String pattern) {
      return String.format(Locale.ROOT, pattern + " [" + pattern + ", " + pattern + "]", median, q1, q3);
    }

    String formatWithInterval(String pattern) {
      return format(pattern) + String.format(Locale.ROOT, " (95%% CI " + pattern + "-" + pattern + ")", low95, high95);
    }

    String json() {
      return String.format(Locale.ROOT,
          "{\"q1\": %.4f, \"median\": %.4f, \"q3\": %.4f, \"median95Low\": %.4f, \"median95High\": %.4f}",
          q1, median, q3, low95, high95);
    }
  }
}
