package dev.zimclient.client;

import dev.zimclient.client.event.ZimEventListener;
import dev.zimclient.client.limit.ZimRate;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.generated.ZimRegion;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The settings of one {@link ZimClient}, as {@link ZimClientBuilder} collected them: read with
 * {@link ZimClient#config()}. Immutable once built; the ServerSecret is kept but never shown.
 */
public final class ZimClientConfig {
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  long appId = -1;
  String serverSecret;
  /** Null for {@link ZimRegion#UNIFIED}, parsed only when used: host names cost IDN's start-up. */
  HttpUrl endpoint;
  OkHttpClient okHttpClient;
  Clock clock = Clock.systemUTC();
  Consumer<Duration> clockOffsetListener = offset -> { };
  /** Null: the given OkHttp client's own, or the default for the client's own. */
  Duration connectTimeout;
  Duration readTimeout;
  Duration deadline = Duration.ofSeconds(30);
  int maxAttempts = 3;
  Duration initialBackoff = Duration.ofMillis(200);
  Duration maxBackoff = Duration.ofSeconds(5);
  Duration throttledBackoff = Duration.ofSeconds(1);
  double jitter = 0.25;
  Duration maxRateLimitWait = Duration.ofSeconds(10);
  long maxResponseBytes = 1L << 20;
  ArrayParameterKeys arrayParameterKeys = ArrayParameterKeys.RAW_BRACKETS;
  ZimRateLimiter.Factory rateLimiterFactory = ZimRateLimiters.smooth(ZimRateLimiters.DEFAULT_UTILIZATION);
  Map<String, ZimRate> rateLimitOverrides = new HashMap<>();
  List<ZimEventListener.Factory> eventListenerFactories = new ArrayList<>();
  String userAgentSuffix;

  ZimClientConfig() {}

  /** A copy that the builder no longer changes. */
  ZimClientConfig(ZimClientConfig other) {
    appId = other.appId;
    serverSecret = other.serverSecret;
    endpoint = other.endpoint();
    okHttpClient = other.okHttpClient;
    clock = other.clock;
    clockOffsetListener = other.clockOffsetListener;
    connectTimeout = other.connectTimeout;
    readTimeout = other.readTimeout;
    deadline = other.deadline;
    maxAttempts = other.maxAttempts;
    initialBackoff = other.initialBackoff;
    maxBackoff = other.maxBackoff;
    throttledBackoff = other.throttledBackoff;
    jitter = other.jitter;
    maxRateLimitWait = other.maxRateLimitWait;
    maxResponseBytes = other.maxResponseBytes;
    arrayParameterKeys = other.arrayParameterKeys;
    rateLimiterFactory = other.rateLimiterFactory;
    rateLimitOverrides = Map.copyOf(other.rateLimitOverrides);
    eventListenerFactories = List.copyOf(other.eventListenerFactories);
    userAgentSuffix = other.userAgentSuffix;
  }

  public long appId() {
    return appId;
  }

  /** The base URL requests go to. */
  public HttpUrl endpoint() {
    return endpoint != null ? endpoint : HttpUrl.get(ZimRegion.UNIFIED.baseUrl() + "/");
  }

  /** The OkHttp client the client derives its own from, if one was given. */
  public Optional<OkHttpClient> okHttpClient() {
    return Optional.ofNullable(okHttpClient);
  }

  public Clock clock() {
    return clock;
  }

  /** Set here, or else the given OkHttp client's own, or else 5 s. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** Set here, or else the given OkHttp client's own, or else 10 s. */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  public Duration deadline() {
    return deadline;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration throttledBackoff() {
    return throttledBackoff;
  }

  public double jitter() {
    return jitter;
  }

  public Duration maxRateLimitWait() {
    return maxRateLimitWait;
  }

  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public ArrayParameterKeys arrayParameterKeys() {
    return arrayParameterKeys;
  }

  public ZimRateLimiter.Factory rateLimiterFactory() {
    return rateLimiterFactory;
  }

  /** The rates that replace the spec's, by action. */
  public Map<String, ZimRate> rateLimitOverrides() {
    return rateLimitOverrides;
  }

  /** The listener factories of every call, in the order they were added. */
  public List<ZimEventListener.Factory> eventListenerFactories() {
    return eventListenerFactories;
  }

  /**
   * The {@code User-Agent} of every request: {@code zim-server-client-java/<version>}, then the
   * suffix set with {@link ZimClientBuilder#userAgentSuffix(String)}, if any.
   */
  public String userAgent() {
    String base = ClientVersion.USER_AGENT_PRODUCT + "/" + ClientVersion.version();
    return userAgentSuffix == null ? base : base + " " + userAgentSuffix;
  }

  @Override
  public String toString() {
    return "ZimClientConfig{appId=" + (appId < 0 ? "unset" : appId) + ", serverSecret="
        + (serverSecret == null ? "unset" : "<redacted>") + ", endpoint=" + endpoint() + "}";
  }
}
