package dev.zimclient.bench.overhead;

import dev.zimclient.bench.overhead.OverheadHarness.Block;
import dev.zimclient.bench.overhead.OverheadHarness.Way;
import java.lang.management.ManagementFactory;

/**
 * Runs a block of calls of one way on the current thread and measures it: wall time, this
 * thread's CPU time and allocation, and the whole process's CPU time (the in-process server and
 * OkHttp's own threads included), each per call.
 */
final class BlockMeter {
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  /** Folds every result in, so that no call's work can be optimised away. */
  private int sink;

  Block measure(Way way, int calls) {
    long thread = Thread.currentThread().getId();
    long bytes = threads.getThreadAllocatedBytes(thread);
    long process = os.getProcessCpuTime();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try {
      for (int i = 0; i < calls; i++) {
        sink += way.call().run().hashCode();
      }
    } catch (Exception e) {
      throw new IllegalStateException(way.name() + " failed", e);
    }
    long wall = System.nanoTime() - start;
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    process = os.getProcessCpuTime() - process;
    bytes = threads.getThreadAllocatedBytes(thread) - bytes;
    return new Block((double) wall / calls, (double) cpu / calls, (double) process / calls, (double) bytes / calls);
  }

  int sink() {
    return sink;
  }
}
