package dev.zimclient.bench.overhead;

import dev.zimclient.bench.overhead.OverheadHarness.Block;
import dev.zimclient.bench.overhead.OverheadHarness.Quartiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The harness's figures: per way, the median and quartiles of its per-call cost over the rounds
 * and of its per-round ratio to the anchor, raw OkHttp, measured in the same round.
 */
record Report(String transport, int rounds, int callsPerBlock, Map<String, List<Block>> blocks) {
  static final String ANCHOR = "rawOkHttp";

  /** A figure of a block, by the name the report uses; throughput compares inversely. */
  private enum Figure {
    THROUGHPUT("throughput", "calls/s", block -> 1e9 / block.wallNanos(), true),
    WORKER_CPU("worker CPU", "ns/call", Block::cpuNanos, false),
    PROCESS_CPU("process CPU", "ns/call", Block::processCpuNanos, false),
    ALLOCATION("allocation", "B/call", Block::bytes, false);

    final String label;
    final String unit;
    final ToDoubleFunction<Block> value;
    final boolean higherIsBetter;

    Figure(String label, String unit, ToDoubleFunction<Block> value, boolean higherIsBetter) {
      this.label = label;
      this.unit = unit;
      this.value = value;
      this.higherIsBetter = higherIsBetter;
    }
  }

  Quartiles figure(String way, Figure figure) {
    return Quartiles.of(blocks.get(way).stream().map(figure.value::applyAsDouble).toList());
  }

  /** The way's figure over the anchor's, round by round. */
  Quartiles ratio(String way, Figure figure) {
    List<Block> ways = blocks.get(way);
    List<Block> anchors = blocks.get(ANCHOR);
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < ways.size(); round++) {
      ratios.add(figure.value.applyAsDouble(ways.get(round)) / figure.value.applyAsDouble(anchors.get(round)));
    }
    return Quartiles.of(ratios);
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s: %d rounds x %d calls per way, interleaved; median [q1, q3] (95%% CI of the median)%n",
        transport, rounds, callsPerBlock));
    for (Figure figure : Figure.values()) {
      out.append(String.format(Locale.ROOT, "%n%s (%s), and its ratio to %s round by round%n", figure.label,
          figure.unit, ANCHOR));
      for (String way : blocks.keySet()) {
        out.append(String.format(Locale.ROOT, "  %-16s %-26s x%s%n", way, figure(way, figure).format("%.0f"),
            ratio(way, figure).formatWithInterval("%.3f")));
      }
    }
    return out.toString();
  }

  String json() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "{\n  \"transport\": \"%s\",\n  \"rounds\": %d,\n  \"callsPerBlock\": %d,\n"
        + "  \"anchor\": \"%s\",\n  \"ways\": {", transport, rounds, callsPerBlock, ANCHOR));
    String wayComma = "";
    for (String way : blocks.keySet()) {
      out.append(wayComma).append(String.format(Locale.ROOT, "\n    \"%s\": {", way));
      String figureComma = "";
      for (Figure figure : Figure.values()) {
        out.append(figureComma).append(String.format(Locale.ROOT,
            "\n      \"%s\": {\"unit\": \"%s\", \"value\": %s, \"vsAnchor\": %s}", figure.name().toLowerCase(Locale.ROOT),
            figure.unit, figure(way, figure).json(), ratio(way, figure).json()));
        figureComma = ",";
      }
      out.append("\n    }");
      wayComma = ",";
    }
    return out.append("\n  }\n}\n").toString();
  }
}
