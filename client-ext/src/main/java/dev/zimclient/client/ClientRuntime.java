package dev.zimclient.client;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
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

  @SuppressWarnings("unchecked")
  <T> FailsafeExecutor<T> syncRetries() {
    return (FailsafeExecutor<T>) syncRetries;
  }

  @SuppressWarnings("unchecked")
  <T> FailsafeExecutor<T> asyncRetries() {
    return (FailsafeExecutor<T>) asyncRetries;
  }
}
