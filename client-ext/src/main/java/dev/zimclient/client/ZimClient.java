package dev.zimclient.client;

import com.squareup.moshi.Moshi;
import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.internal.call.CallRuntime;
import dev.zimclient.client.internal.call.CallSettings;
import dev.zimclient.client.internal.call.ZimCallAdapterFactory;
import dev.zimclient.client.internal.limit.ActionLimiters;
import dev.zimclient.client.internal.response.ResponseReader;
import dev.zimclient.client.internal.signing.ServerClock;
import dev.zimclient.client.internal.signing.SigningInterceptor;
import dev.zimclient.client.internal.signing.UnsignedEventListener;
import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRate;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.generated.ZimRegion;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
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
  private final long appId;
  private final HttpUrl endpoint;
  private final Retrofit retrofit;
  private final ServerClock serverClock;
  private final ActionLimiters limiters;
  private final ScheduledExecutorService scheduler;
  private final OkHttpClient ownedHttp;
  private final CallRuntime runtime;
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  private ZimClient(Builder builder) {
    this.appId = builder.appId;
    this.endpoint = builder.endpoint != null ? builder.endpoint : HttpUrl.get(ZimRegion.UNIFIED.baseUrl() + "/");
    this.serverClock = new ServerClock(builder.clock, builder.clockOffsetListener);
    this.scheduler = newScheduler();
    OkHttpClient base = builder.okHttpClient;
    OkHttpClient.Builder httpBuilder = base != null ? base.newBuilder() : newOwnedHttp(endpoint);
    // An application's client keeps its own timeouts unless the builder sets them.
    if (builder.connectTimeout != null || base == null) {
      httpBuilder.connectTimeout(Objects.requireNonNullElse(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT));
    }
    if (builder.readTimeout != null || base == null) {
      Duration readTimeout = Objects.requireNonNullElse(builder.readTimeout, DEFAULT_READ_TIMEOUT);
      httpBuilder.readTimeout(readTimeout).writeTimeout(readTimeout);
    }
    httpBuilder
        // The API never redirects; following one would send a signed request elsewhere.
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(new SigningInterceptor(builder.appId, builder.serverSecret, serverClock,
            builder.arrayParameterKeys == ArrayParameterKeys.RAW_BRACKETS,
            base != null && (!base.interceptors().isEmpty() || !base.networkInterceptors().isEmpty())));
    if (base != null) {
      httpBuilder.eventListenerFactory(UnsignedEventListener.wrap(base.eventListenerFactory()));
    }
    OkHttpClient http = httpBuilder.build();
    this.ownedHttp = base == null ? http : null;
    CallSettings settings = new CallSettings(builder.deadline, builder.maxAttempts, builder.initialBackoff,
        builder.maxBackoff, builder.jitter, builder.throttledBackoff, builder.maxRateLimitWait);
    this.limiters = new ActionLimiters(builder.rateLimiterFactory, builder.rateLimitOverrides, builder.appId);
    this.runtime = new CallRuntime(http, scheduler, settings,
        new ResponseReader(builder.maxResponseBytes, serverClock), limiters);
    Moshi moshi = new Moshi.Builder().build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(endpoint)
        .callFactory(http)
        .addCallAdapterFactory(new ZimCallAdapterFactory(runtime, moshi, endpoint))
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .validateEagerly(true)
        .build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns an implementation of a generated interface, e.g. {@code RoomApi.class}. */
  public <T> T create(Class<T> api) {
    return retrofit.create(api);
  }

  /** The AppId this client signs for. */
  public long appId() {
    return appId;
  }

  /** The base URL requests go to. */
  public HttpUrl endpoint() {
    return endpoint;
  }

  /** The server's clock minus the local one, as learned from clock-skew answers; zero at first. */
  public Duration clockOffset() {
    return serverClock.offset();
  }

  /** The rate limit in force for an action, once an interface with one of its methods was created. */
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
    if (ownedHttp != null) {
      ownedHttp.dispatcher().executorService().shutdownNow();
      ownedHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "ZimClient{appId=" + appId + ", endpoint=" + endpoint + "}";
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

  private static OkHttpClient.Builder newOwnedHttp(HttpUrl endpoint) {
    Dispatcher dispatcher = new Dispatcher();
    // One host serves every action: OkHttp's default of 5 concurrent calls per host is too few.
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(256);
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES));
    if (!endpoint.isHttps()) {
      // A plain-http (loopback) endpoint never needs TLS, whose set-up reads the JDK's whole trust
      // store: a tenth of a second at every start of a CLI run against the simulator.
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    return builder;
  }

  /** Builds a {@link ZimClient}; AppId and ServerSecret are required. Not thread-safe. */
  public static final class Builder {
    private static final long MAX_APP_ID = 0xFFFF_FFFFL;

    private long appId = -1;
    private String serverSecret;
    /** Null for {@link ZimRegion#UNIFIED}, parsed only when used: host names cost IDN's start-up. */
    private HttpUrl endpoint;
    private OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();
    private Consumer<Duration> clockOffsetListener = offset -> { };
    /** Null: the given OkHttp client's own, or the default for the client's own. */
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration deadline = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration throttledBackoff = Duration.ofSeconds(1);
    private double jitter = 0.25;
    private Duration maxRateLimitWait = Duration.ofSeconds(10);
    private long maxResponseBytes = 1L << 20;
    private ArrayParameterKeys arrayParameterKeys = ArrayParameterKeys.RAW_BRACKETS;
    private ZimRateLimiter.Factory rateLimiterFactory = ZimRateLimiters.smooth(ZimRateLimiters.DEFAULT_UTILIZATION);
    private final Map<String, ZimRate> rateLimitOverrides = new HashMap<>();

    private Builder() {}

    /** The AppId from the ZEGO console (an unsigned 32-bit number). */
    public Builder appId(long appId) {
      if (appId <= 0 || appId > MAX_APP_ID) {
        throw new IllegalArgumentException("appId must be in 1.." + MAX_APP_ID + ": " + appId);
      }
      this.appId = appId;
      return this;
    }

    /** The ServerSecret from the ZEGO console. It is used only to sign and is never shown. */
    public Builder serverSecret(String serverSecret) {
      Objects.requireNonNull(serverSecret, "serverSecret");
      if (serverSecret.isBlank()) {
        throw new IllegalArgumentException("serverSecret must not be blank");
      }
      this.serverSecret = serverSecret;
      return this;
    }

    /**
     * The base URL, e.g. {@code https://zim-api.zego.im/} (the default). Plain {@code http} is
     * accepted only for loopback hosts, such as a local simulator.
     */
    public Builder endpoint(String baseUrl) {
      HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
      if (url == null) {
        throw new IllegalArgumentException("endpoint is not an http(s) URL: " + baseUrl);
      }
      return endpoint(url);
    }

    /** The base URL; see {@link #endpoint(String)}. */
    public Builder endpoint(HttpUrl baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (!baseUrl.isHttps() && !Loopback.isLoopback(baseUrl.host())) {
        throw new IllegalArgumentException("endpoint must use https unless its host is loopback: " + baseUrl.host());
      }
      String path = baseUrl.encodedPath();
      this.endpoint = path.endsWith("/") ? baseUrl : baseUrl.newBuilder().encodedPath(path + "/").build();
      return this;
    }

    /** One of the spec's hosts. */
    public Builder region(ZimRegion region) {
      return endpoint(region.baseUrl() + "/");
    }

    /**
     * An OkHttp client to derive from, sharing its connection pool and dispatcher. The client adds
     * its own interceptor to a derived copy and never closes the one given.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** The clock that timestamps signatures; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Called with the new {@link ZimClient#clockOffset()} each time the client adopts the server's
     * clock after a clock-skew answer, on the thread of the call that learned it; e.g. to alert on
     * a drifting host clock. Exceptions it throws are logged and ignored.
     */
    public Builder clockOffsetListener(Consumer<Duration> listener) {
      this.clockOffsetListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Connect timeout of each attempt: 5 s by default, or the timeout of the client given to
     * {@link #okHttpClient}; set here, it wins over that client's.
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Read and write timeout of each attempt: 10 s by default, or the timeouts of the client given
     * to {@link #okHttpClient}; set here, it wins over that client's.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * The overall deadline of one call, covering rate-limit waits, every attempt and every
     * backoff; 30 s by default.
     */
    public Builder deadline(Duration deadline) {
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    /** Attempts per call, the first included; 3 by default, 1 turns retries off. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Exponential backoff between attempts: 200 ms doubling up to 5 s by default. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = positive(initial, "initial backoff");
      this.maxBackoff = positive(max, "max backoff");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max backoff is shorter than the initial backoff");
      }
      return this;
    }

    /** The least backoff after a throttling answer; 1 s (one rate-limit window) by default. */
    public Builder throttledBackoff(Duration backoff) {
      this.throttledBackoff = nonNegative(backoff, "throttledBackoff");
      return this;
    }

    /** Random spread of each backoff, as a fraction of it; 0.25 by default. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter < 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The longest a call waits for a rate-limit permit before failing with
     * {@link ZimRateLimitExceededException}, nothing sent; 10 s by default.
     */
    public Builder maxRateLimitWait(Duration maxWait) {
      this.maxRateLimitWait = nonNegative(maxWait, "maxRateLimitWait");
      return this;
    }

    /** Replaces the spec's rate limit of one action, e.g. after ZEGO raised it for the app. */
    public Builder rateLimit(String action, int permits, Duration period) {
      Objects.requireNonNull(action, "action");
      rateLimitOverrides.put(action, new ZimRate(permits, period));
      return this;
    }

    /** How permits are kept; {@link ZimRateLimiters#smooth(double)} at 0.98 of the rate by default. */
    public Builder rateLimiterFactory(ZimRateLimiter.Factory factory) {
      this.rateLimiterFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** Responses larger than this are refused unread; 1 MiB by default. */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * How keys of array parameters such as {@code UserId[]} are written:
     * {@link ArrayParameterKeys#RAW_BRACKETS} by default, as ZEGO's documentation writes them.
     */
    public Builder arrayParameterKeys(ArrayParameterKeys keys) {
      this.arrayParameterKeys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** Builds the client; fails if AppId or ServerSecret is missing. */
    public ZimClient build() {
      if (appId < 0) {
        throw new IllegalStateException("appId is required");
      }
      if (serverSecret == null) {
        throw new IllegalStateException("serverSecret is required");
      }
      return new ZimClient(this);
    }

    @Override
    public String toString() {
      return "ZimClient.Builder{appId=" + appId + ", serverSecret=" + (serverSecret == null ? "unset" : "<redacted>")
          + ", endpoint=" + (endpoint == null ? ZimRegion.UNIFIED.baseUrl() + "/" : endpoint) + "}";
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    private static Duration nonNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
