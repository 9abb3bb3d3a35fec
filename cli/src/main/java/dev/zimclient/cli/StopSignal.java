package dev.zimclient.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C asks a bulk run to stop: it sends nothing more, waits for the requests in flight,
 * records them and prints its summary. The JVM runs shutdown hooks on SIGINT, so the hook asks
 * for the stop and holds the exit until the command has finished; the process then ends with 130.
 */
final class StopSignal {
  /** How long Ctrl-C waits for the requests in flight: longer than the client's deadline. */
  private static final long GRACE_SECONDS = 60;

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean requested;

  /** A signal nothing but {@link #request()} raises, for runs inside another program. */
  static StopSignal manual() {
    return new StopSignal();
  }

  /** A signal raised by Ctrl-C (or SIGTERM) on this process. */
  static StopSignal onInterrupt() {
    StopSignal signal = new StopSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      signal.request();
      try {
        signal.finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "zim-stop"));
    return signal;
  }

  void request() {
    requested = true;
  }

  boolean requested() {
    return requested;
  }

  /** The command has finished; an exit the signal held may go on. */
  void finished() {
    finished.countDown();
  }
}
