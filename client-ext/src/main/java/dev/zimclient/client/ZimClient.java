package dev.zimclient.client;

import com.squareup.moshi.Moshi;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.internal.call.CallListeners;
import dev.zimclient.client.internal.call.CallRuntime;
import dev.zimclient.client.internal.call.CallSettings;
import dev.zimclient.client.internal.call.ZimCallAdapterFactory;
import dev.zimclient.client.internal.limit.ActionLimiters;
import dev.zimclient.client.internal.response.ResponseReader;
import dev.zimclient.client.internal.signing.ServerClock;
import dev.zimclient.client.internal.call.ValidatingProxy;
import dev.zimclient.client.limit.ZimActionLimit;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The entry point: one immutable, thread-safe client per AppId. {@link #create(Class)} returns a
 * generated interface, such as {@code RoomApi}, whose methods are signed, paced by each action's
 * rate limit, retried by return-code class and mapped to typed exceptions.
 *
 * <pre>{@code
 * try (ZimClient client = ZimClient.builder().appId(appId).serverSecret(secret).build()) {
 *   RoomApi rooms = client.create(RoomApi.class);
 *   rooms.destroyRoom("room-1", null);
 * }
 * }</pre>
 */
public final class ZimClient implements AutoCloseable {
  private final ZimClientConfig config;
  private final Retrofit retrofit;
  private final ServerClock serverClock;
  private final ActionLimiters limiters;
  private final ScheduledExecutorService scheduler;
  private final OkHttpClient http;
  private final CallRuntime runtime;

  ZimClient(ZimClientConfig config) {
    this.config = config;
    this.serverClock = new ServerClock(config.clock, config.clockOffsetListener);
    this.scheduler = newScheduler();
    this.http = HttpClients.forConfig(config, serverClock);
    CallSettings settings = new CallSettings(config.deadline, config.maxAttempts, config.initialBackoff,
        config.maxBackoff, config.jitter, config.throttledBackoff, config.maxRateLimitWait);
    this.limiters = new ActionLimiters(config.rateLimiterFactory, config.rateLimitOverrides, config.appId);
    this.runtime = new CallRuntime(http, scheduler, settings, new ResponseReader(config.maxResponseBytes, serverClock),
        limiters, new CallListeners(config.appId, config.eventListenerFactories));
    Moshi moshi = new Moshi.Builder().build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(config.endpoint())
        .callFactory(http)
        .addCallAdapterFactory(new ZimCallAdapterFactory(runtime, moshi, config.endpoint(), config.userAgent()))
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .validateEagerly(true)
        .build();
  }

  /** Starts a builder. */
  public static ZimClientBuilder builder() {
    return new ZimClientBuilder();
  }

  /**
   * Returns an implementation of a generated interface, e.g. {@code RoomApi.class}; an interface
   * with a method the spec did not generate is refused here.
   */
  public <T> T create(Class<T> api) {
    return ValidatingProxy.wrap(api, retrofit.create(api));
  }

  /** The settings this client was built with. */
  public ZimClientConfig config() {
    return config;
  }

  /** The AppId this client signs for. */
  public long appId() {
    return config.appId;
  }

  /** The base URL requests go to. */
  public HttpUrl endpoint() {
    return config.endpoint();
  }

  /** The server's clock minus the local one, as learned from clock-skew answers; zero at first. */
  public Duration clockOffset() {
    return serverClock.offset();
  }

  /**
   * The rate limit in force for an action (its shortest window), once an interface with one of its
   * methods was created.
   */
  public Optional<ZimActionLimit> rateLimit(String action) {
    return limiters.limit(action);
  }

  /**
   * Ends calls still running with a {@link ZimTransportException} (not retryable) and refuses new
   * ones the same way; then stops the client's scheduler and, if the client made its own OkHttp
   * client, that client's threads and connections. An OkHttp client passed to the builder stays
   * open.
   */
  @Override
  public void close() {
    runtime.close();
    scheduler.shutdownNow();
    if (config.okHttpClient == null) {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "ZimClient{appId=" + config.appId + ", endpoint=" + config.endpoint() + "}";
  }

  private static ScheduledExecutorService newScheduler() {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "zim-client-scheduler-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
