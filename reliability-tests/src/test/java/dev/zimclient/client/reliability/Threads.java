package dev.zimclient.client.reliability;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The JVM's live threads, to tell which ones a client started and left behind. */
final class Threads {
  private Threads() {}

  static Set<Thread> live() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /**
   * Threads of the client: its scheduler ({@code zim-client-}) and its OkHttp dispatcher
   * ({@code OkHttp Dispatcher}, renamed {@code OkHttp <url>} while running a call). OkHttp's
   * {@code TaskRunner} and Okio's {@code Watchdog} are shared by every OkHttp client in the JVM
   * and idle out by themselves, so they are not the client's.
   */
  static boolean isClientThread(Thread thread) {
    String name = thread.getName();
    return name.startsWith("zim-client-") || name.startsWith("OkHttp") && !name.startsWith("OkHttp TaskRunner");
  }

  /** Waits until no thread started since {@code before} and matching the filter is alive; returns those left. */
  static List<String> awaitGone(Set<Thread> before, Predicate<Thread> filter, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    List<String> left;
    do {
      left = live().stream().filter(t -> !before.contains(t) && filter.test(t) && t.isAlive()).map(Thread::getName).toList();
      if (left.isEmpty()) {
        return left;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    return left;
  }
}
