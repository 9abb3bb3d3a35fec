package dev.zimclient.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, which unlike wall time barely moves when other processes compete for
 * the cores, so ratios of it stay comparable on a busy machine. Two figures:
 * {@code cpu.worker.norm}, the benchmark threads alone (the calling thread's own work, which is
 * everything in-memory benchmarks do), and {@code cpu.process.norm}, the whole JVM (in-process
 * server, OkHttp's housekeeping, GC and JIT included). Use with
 * {@code -prof dev.zimclient.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private static final String WORKER_MARK = "jmh-worker";

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long processStart;
  private Map<Long, Long> workersStart = Map.of();

  @Override
  public String getDescription() {
    return "CPU time per operation: benchmark threads and whole process";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    workersStart = workerCpu();
    processStart = os.getProcessCpuTime();
  }

  @Override
  @SuppressWarnings("rawtypes") // JMH's interface declares the raw type.
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long process = os.getProcessCpuTime() - processStart;
    long workers = 0;
    for (Map.Entry<Long, Long> thread : workerCpu().entrySet()) {
      workers += thread.getValue() - workersStart.getOrDefault(thread.getKey(), 0L);
    }
    double ops = result.getMetadata().getAllOps();
    return List.of(
        new ScalarResult("cpu.worker.norm", workers / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process.norm", process / ops, "ns/op", AggregationPolicy.AVG));
  }

  /** CPU nanoseconds so far of each live benchmark thread, by thread id. */
  private Map<Long, Long> workerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(WORKER_MARK)) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }
}
