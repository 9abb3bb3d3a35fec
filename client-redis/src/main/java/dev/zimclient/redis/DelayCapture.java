package dev.zimclient.redis;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler handed to Bucket4j's async reservation: Bucket4j reserves in Redis, then schedules
 * the permit's completion after the wait it computed. The client's own gate does the waiting, so
 * this scheduler only passes that wait on, into {@code wait}, and schedules nothing. Made for one
 * reservation.
 */
final class DelayCapture extends AbstractExecutorService implements ScheduledExecutorService {
  private final CompletableFuture<Long> wait;

  DelayCapture(CompletableFuture<Long> wait) {
    this.wait = wait;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    wait.complete(unit.toNanos(delay));
    return null; // Bucket4j drops what schedule returns
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("only the permit's delay is captured");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("only the permit's delay is captured");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("only the permit's delay is captured");
  }

  @Override
  public void execute(Runnable command) {
    throw new UnsupportedOperationException("only the permit's delay is captured");
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
