package dev.zimclient.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM per operation ({@code cpu.time.norm}, ns/op): every thread,
 * the in-process server, OkHttp's housekeeping, GC and JIT included. Unlike wall time it barely
 * moves when other processes compete for the cores, so ratios of it stay comparable on a busy
 * machine. Use with {@code -prof dev.zimclient.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long startCpuNanos;

  @Override
  public String getDescription() {
    return "Process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startCpuNanos = os.getProcessCpuTime();
  }

  @Override
  @SuppressWarnings("rawtypes") // JMH's interface declares the raw type.
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long cpuNanos = os.getProcessCpuTime() - startCpuNanos;
    long ops = result.getMetadata().getAllOps();
    double perOp = ops == 0 ? Double.NaN : (double) cpuNanos / ops;
    return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
  }
}
