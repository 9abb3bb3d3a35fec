package dev.zimclient.client;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/** What every action's executor of one client shares. */
final class ClientRuntime {
  private final OkHttpClient http;
  private final ScheduledExecutorService scheduler;
  private final CallSettings settings;
  private final ResponseReader reader;
  private final Set<PendingCall> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  ClientRuntime(OkHttpClient http, ScheduledExecutorService scheduler, CallSettings settings, ResponseReader reader) {
    this.http = http;
    this.scheduler = scheduler;
    this.settings = settings;
    this.reader = reader;
  }

  OkHttpClient http() {
    return http;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  CallSettings settings() {
    return settings;
  }

  ResponseReader reader() {
    return reader;
  }

  /** Tracks a call until {@link #finished}; returns false, tracking nothing, once the client is closed. */
  boolean started(PendingCall call) {
    pending.add(call);
    if (closed) {
      pending.remove(call);
      return false;
    }
    return true;
  }

  void finished(PendingCall call) {
    pending.remove(call);
  }

  boolean isClosed() {
    return closed;
  }

  /** Ends every call still running, each with a typed failure, and refuses new ones. */
  void close() {
    closed = true;
    for (PendingCall call : pending) {
      call.abandon();
    }
    pending.clear();
  }

  /** Retries of one call whose first attempt failed; a success never builds one. */
  @SuppressWarnings("unchecked")
  <T> FailsafeExecutor<T> syncRetries(long callStartNanos) {
    return (FailsafeExecutor<T>) Failsafe.with(RetryPolicies.create(settings, callStartNanos));
  }

  /** The same, waiting out backoffs on the scheduler. */
  @SuppressWarnings("unchecked")
  <T> FailsafeExecutor<T> asyncRetries(long callStartNanos) {
    return (FailsafeExecutor<T>) Failsafe.with(RetryPolicies.create(settings, callStartNanos)).with(scheduler);
  }
}
