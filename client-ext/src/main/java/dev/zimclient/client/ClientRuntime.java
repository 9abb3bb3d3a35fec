package dev.zimclient.client;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
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
  private final FailsafeExecutor<Object> syncRetries;
  private final FailsafeExecutor<Object> asyncRetries;
  private final Set<PendingCall> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  ClientRuntime(OkHttpClient http, ScheduledExecutorService scheduler, CallSettings settings, ResponseReader reader) {
    this.http = http;
    this.scheduler = scheduler;
    this.settings = settings;
    this.reader = reader;
    RetryPolicy<Object> retryPolicy = RetryPolicies.create(settings);
    this.syncRetries = Failsafe.with(retryPolicy);
    this.asyncRetries = Failsafe.with(retryPolicy).with(scheduler);
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

  @SuppressWarnings("unchecked")
  <T> FailsafeExecutor<T> syncRetries() {
    return (FailsafeExecutor<T>) syncRetries;
  }

  @SuppressWarnings("unchecked")
  <T> FailsafeExecutor<T> asyncRetries() {
    return (FailsafeExecutor<T>) asyncRetries;
  }
}
