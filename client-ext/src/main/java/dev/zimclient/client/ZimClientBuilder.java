package dev.zimclient.client;

import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.client.event.ZimEventListener;
import dev.zimclient.client.limit.ZimRate;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.generated.ZimRegion;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds a {@link ZimClient}; AppId and ServerSecret are required. Each setter checks its value at
 * once. Not thread-safe; {@link #build()} may be called more than once.
 */
public final class ZimClientBuilder {
  private static final long MAX_APP_ID = 0xFFFF_FFFFL;

  private final ZimClientConfig config = new ZimClientConfig();

  ZimClientBuilder() {}

  /** The AppId from the ZEGO console (an unsigned 32-bit number). */
  public ZimClientBuilder appId(long appId) {
    if (appId <= 0 || appId > MAX_APP_ID) {
      throw new IllegalArgumentException("appId must be in 1.." + MAX_APP_ID + ": " + appId);
    }
    config.appId = appId;
    return this;
  }

  /** The ServerSecret from the ZEGO console. It is used only to sign and is never shown. */
  public ZimClientBuilder serverSecret(String serverSecret) {
    Objects.requireNonNull(serverSecret, "serverSecret");
    if (serverSecret.isBlank()) {
      throw new IllegalArgumentException("serverSecret must not be blank");
    }
    config.serverSecret = serverSecret;
    return this;
  }

  /**
   * The base URL, e.g. {@code https://zim-api.zego.im/} (the default). Plain {@code http} is
   * accepted only for loopback hosts, such as a local simulator.
   */
  public ZimClientBuilder endpoint(String baseUrl) {
    HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
    if (url == null) {
      throw new IllegalArgumentException("endpoint is not an http(s) URL: " + baseUrl);
    }
    return endpoint(url);
  }

  /** The base URL; see {@link #endpoint(String)}. */
  public ZimClientBuilder endpoint(HttpUrl baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.isHttps() && !Loopback.isLoopback(baseUrl.host())) {
      throw new IllegalArgumentException("endpoint must use https unless its host is loopback: " + baseUrl.host());
    }
    String path = baseUrl.encodedPath();
    config.endpoint = path.endsWith("/") ? baseUrl : baseUrl.newBuilder().encodedPath(path + "/").build();
    return this;
  }

  /** One of the spec's hosts. */
  public ZimClientBuilder region(ZimRegion region) {
    return endpoint(region.baseUrl() + "/");
  }

  /**
   * An OkHttp client to derive from, sharing its connection pool and dispatcher. The client adds
   * its own interceptor to a derived copy and never closes the one given.
   */
  public ZimClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    config.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
    return this;
  }

  /** The clock that timestamps signatures; the system UTC clock by default. */
  public ZimClientBuilder clock(Clock clock) {
    config.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Called with the new {@link ZimClient#clockOffset()} each time the client adopts the server's
   * clock after a clock-skew answer, on the thread of the call that learned it; e.g. to alert on
   * a drifting host clock. Exceptions it throws are logged and ignored.
   */
  public ZimClientBuilder clockOffsetListener(Consumer<Duration> listener) {
    config.clockOffsetListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Connect timeout of each attempt: 5 s by default, or the timeout of the client given to
   * {@link #okHttpClient}; set here, it wins over that client's.
   */
  public ZimClientBuilder connectTimeout(Duration timeout) {
    config.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /**
   * Read and write timeout of each attempt: 10 s by default, or the timeouts of the client given
   * to {@link #okHttpClient}; set here, it wins over that client's.
   */
  public ZimClientBuilder readTimeout(Duration timeout) {
    config.readTimeout = positive(timeout, "readTimeout");
    return this;
  }

  /**
   * The overall deadline of one call, covering rate-limit waits, every attempt and every
   * backoff; 30 s by default.
   */
  public ZimClientBuilder deadline(Duration deadline) {
    config.deadline = positive(deadline, "deadline");
    return this;
  }

  /** Attempts per call, the first included; 3 by default, 1 turns retries off. */
  public ZimClientBuilder maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    config.maxAttempts = maxAttempts;
    return this;
  }

  /** Exponential backoff between attempts: 200 ms doubling up to 5 s by default. */
  public ZimClientBuilder backoff(Duration initial, Duration max) {
    config.initialBackoff = positive(initial, "initial backoff");
    config.maxBackoff = positive(max, "max backoff");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff is shorter than the initial backoff");
    }
    return this;
  }

  /** The least backoff after a throttling answer; 1 s (one rate-limit window) by default. */
  public ZimClientBuilder throttledBackoff(Duration backoff) {
    config.throttledBackoff = nonNegative(backoff, "throttledBackoff");
    return this;
  }

  /** Random spread of each backoff, as a fraction of it; 0.25 by default. */
  public ZimClientBuilder jitter(double jitter) {
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
    }
    config.jitter = jitter;
    return this;
  }

  /**
   * The longest a call waits for a rate-limit permit before failing with
   * {@link ZimRateLimitExceededException}, nothing sent; 10 s by default.
   */
  public ZimClientBuilder maxRateLimitWait(Duration maxWait) {
    config.maxRateLimitWait = nonNegative(maxWait, "maxRateLimitWait");
    return this;
  }

  /** Replaces the spec's rate limit of one action, e.g. after ZEGO raised it for the app. */
  public ZimClientBuilder rateLimit(String action, int permits, Duration period) {
    Objects.requireNonNull(action, "action");
    config.rateLimitOverrides.put(action, new ZimRate(permits, period));
    return this;
  }

  /** How permits are kept; {@link ZimRateLimiters#smooth(double)} at 0.98 of the rate by default. */
  public ZimClientBuilder rateLimiterFactory(ZimRateLimiter.Factory factory) {
    config.rateLimiterFactory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** Responses larger than this are refused unread; 1 MiB by default. */
  public ZimClientBuilder maxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
    }
    config.maxResponseBytes = maxResponseBytes;
    return this;
  }

  /**
   * How keys of array parameters such as {@code UserId[]} are written:
   * {@link ArrayParameterKeys#RAW_BRACKETS} by default, as ZEGO's documentation writes them.
   */
  public ZimClientBuilder arrayParameterKeys(ArrayParameterKeys keys) {
    config.arrayParameterKeys = Objects.requireNonNull(keys, "keys");
    return this;
  }

  /** Adds a listener of every call's events, shared by all calls: it must be thread-safe. */
  public ZimClientBuilder addEventListener(ZimEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    return addEventListenerFactory(call -> listener);
  }

  /** Adds a factory of one listener per call, for state kept between events; told in the order added. */
  public ZimClientBuilder addEventListenerFactory(ZimEventListener.Factory factory) {
    config.eventListenerFactories.add(Objects.requireNonNull(factory, "factory"));
    return this;
  }

  /** Appended, after a space, to the {@code User-Agent} {@code zim-server-client-java/<version>}. */
  public ZimClientBuilder userAgentSuffix(String suffix) {
    if (suffix.isBlank() || !suffix.strip().equals(suffix) || !suffix.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("userAgentSuffix must be printable ASCII without surrounding spaces: " + suffix);
    }
    config.userAgentSuffix = suffix;
    return this;
  }

  /** Builds the client; fails if AppId or ServerSecret is missing. */
  public ZimClient build() {
    if (config.appId < 0) {
      throw new IllegalStateException("appId is required");
    }
    if (config.serverSecret == null) {
      throw new IllegalStateException("serverSecret is required");
    }
    return new ZimClient(new ZimClientConfig(config));
  }

  @Override
  public String toString() {
    return "ZimClientBuilder" + config.toString().substring("ZimClientConfig".length());
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
