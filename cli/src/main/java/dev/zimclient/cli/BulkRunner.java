package dev.zimclient.cli;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends one request per key with the client's async calls, a bounded number in flight so that
 * each waits only briefly for its rate-limit permit; a failure is recorded and the run goes on.
 * With a checkpoint, keys an earlier run finished are skipped, and a key whose outcome that run
 * left unknown is sent again only if the action may run twice (or the user says so).
 */
final class BulkRunner {
  /** Sends the request of one key; throws at once when the key breaks the spec's constraints. */
  @FunctionalInterface
  interface ItemCall {
    CompletableFuture<?> send(String key);
  }

  /** The counts of one run. {@code skippedFailed} are skipped keys that an earlier run did not do. */
  record Tally(long done, long failed, long unknown, long skipped, long skippedFailed, boolean stopped) {
    long unsuccessful() {
      return failed + unknown + skippedFailed;
    }
  }

  private final ItemCall call;
  private final int maxInFlight;
  private final Checkpoint checkpoint;
  private final boolean resendUnknown;
  private final boolean verbose;
  private final BooleanSupplier stopRequested;

  /**
   * @param checkpoint the job's record, or null
   * @param resendUnknown whether a key whose outcome is unknown is sent again: the action may run
   *     twice, or the user asked for it
   */
  BulkRunner(ItemCall call, int maxInFlight, Checkpoint checkpoint, boolean resendUnknown, boolean verbose,
      BooleanSupplier stopRequested) {
    this.call = call;
    this.maxInFlight = maxInFlight;
    this.checkpoint = checkpoint;
    this.resendUnknown = resendUnknown;
    this.verbose = verbose;
    this.stopRequested = stopRequested;
  }

  /**
   * Runs every key, or those before a stop was requested, waiting for the ones in flight.
   *
   * @param onOutcome told of each key's outcome, from any thread, one at a time
   * @param onSkip told of each key skipped as finished earlier
   */
  Tally run(Iterator<String> keys, Consumer<ItemOutcome> onOutcome, Runnable onSkip) throws InterruptedException {
    Semaphore slots = new Semaphore(maxInFlight);
    Counter counter = new Counter(onOutcome);
    Set<String> thisRun = new HashSet<>();
    boolean stopped = false;
    while (keys.hasNext()) {
      String key = keys.next();
      Checkpoint.State state = checkpoint == null ? Checkpoint.State.NEW : checkpoint.state(key);
      if (state == Checkpoint.State.FINISHED || checkpoint != null && !thisRun.add(key)) {
        counter.skip(checkpoint.outcome(key));
        onSkip.run();
        continue;
      }
      if (state == Checkpoint.State.UNKNOWN && !resendUnknown) {
        counter.accept(ItemOutcome.unknown(key, "outcome unknown: an earlier run stopped while it was in flight;"
            + " not sent again, as the action must not run twice (check it, then rerun with --resend-unknown to send it)"));
        continue;
      }
      slots.acquire();
      if (stopRequested.getAsBoolean()) {
        slots.release();
        stopped = true;
        break;
      }
      send(key, slots, counter);
    }
    slots.acquire(maxInFlight);
    return counter.tally(stopped);
  }

  private void send(String key, Semaphore slots, Consumer<ItemOutcome> record) {
    if (checkpoint != null) {
      checkpoint.sent(key);
    }
    CompletableFuture<ItemOutcome> outcome;
    try {
      outcome = call.send(key).handle((response, failure) -> failure == null
          ? ItemOutcome.done(key, response)
          : ItemOutcome.failed(key, unwrap(failure), verbose));
    } catch (RuntimeException invalid) {
      outcome = CompletableFuture.completedFuture(ItemOutcome.failed(key, invalid, verbose));
    }
    outcome.thenAccept(item -> {
      if (checkpoint != null) {
        checkpoint.finished(item);
      }
      record.accept(item);
    }).whenComplete((ignored, e) -> slots.release());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** Counts outcomes and hands them on, one at a time. */
  private static final class Counter implements Consumer<ItemOutcome> {
    private final Consumer<ItemOutcome> onOutcome;
    private long done;
    private long failed;
    private long unknown;
    private long skipped;
    private long skippedFailed;

    Counter(Consumer<ItemOutcome> onOutcome) {
      this.onOutcome = onOutcome;
    }

    @Override
    public synchronized void accept(ItemOutcome item) {
      switch (item.outcome()) {
        case DONE -> done++;
        case UNKNOWN -> unknown++;
        default -> failed++;
      }
      onOutcome.accept(item);
    }

    synchronized void skip(String earlierOutcome) {
      skipped++;
      // Null: a repeated key of this run whose first request is still in flight.
      if (earlierOutcome != null && !ItemOutcome.Outcome.DONE.id().equals(earlierOutcome)) {
        skippedFailed++;
      }
    }

    synchronized Tally tally(boolean stopped) {
      return new Tally(done, failed, unknown, skipped, skippedFailed, stopped);
    }
  }
}
