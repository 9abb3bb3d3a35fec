package dev.zimclient.spring.boot;

import dev.zimclient.generated.ZimRegion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code zim.*} properties the auto-configured {@code ZimClient} is built from. A client is
 * made when {@code zim.app-id} is set; unset settings keep the client's defaults.
 */
@ConfigurationProperties(prefix = "zim")
public class ZimProperties {
  /** AppId from the ZEGO console (1..4294967295). Setting it turns the client on. */
  private Long appId;

  /** ServerSecret from the ZEGO console; used only to sign, never logged or shown. */
  private String serverSecret;

  /** One of ZEGO's hosts; the unified host when neither this nor the endpoint is set. */
  private ZimRegion region;

  /**
   * Base URL of the API, e.g. a proxy or a local simulator; wins over the region. Plain http is
   * accepted only for loopback hosts.
   */
  private String endpoint;

  /** Connect timeout of each attempt; 5 s when unset. */
  private Duration connectTimeout;

  /** Read and write timeout of each attempt; 10 s when unset. */
  private Duration readTimeout;

  /** Deadline of a whole call: permit waits, attempts and backoffs; 30 s when unset. */
  private Duration deadline;

  /** Attempts per call, the first included; 3 when unset, 1 turns retries off. */
  private Integer maxAttempts;

  /** The longest a call waits for a rate-limit permit before failing, nothing sent; 10 s when unset. */
  private Duration maxRateLimitWait;

  /**
   * Rates that replace the spec's, by action name (e.g. {@code zim.rate-limits.DestroyRoom.permits=40}),
   * for limits ZEGO raised for the app. Each replaces the action's shortest window.
   */
  private Map<String, Rate> rateLimits = new LinkedHashMap<>();

  /** Appended to the User-Agent after the client's own name and version, e.g. {@code room-janitor/2.3}. */
  private String userAgentSuffix;

  /** The health indicator's settings. */
  private final Health health = new Health();

  public Long getAppId() {
    return appId;
  }

  public void setAppId(Long appId) {
    this.appId = appId;
  }

  public String getServerSecret() {
    return serverSecret;
  }

  public void setServerSecret(String serverSecret) {
    this.serverSecret = serverSecret;
  }

  public ZimRegion getRegion() {
    return region;
  }

  public void setRegion(ZimRegion region) {
    this.region = region;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getDeadline() {
    return deadline;
  }

  public void setDeadline(Duration deadline) {
    this.deadline = deadline;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public Duration getMaxRateLimitWait() {
    return maxRateLimitWait;
  }

  public void setMaxRateLimitWait(Duration maxRateLimitWait) {
    this.maxRateLimitWait = maxRateLimitWait;
  }

  public Map<String, Rate> getRateLimits() {
    return rateLimits;
  }

  public void setRateLimits(Map<String, Rate> rateLimits) {
    this.rateLimits = rateLimits;
  }

  public String getUserAgentSuffix() {
    return userAgentSuffix;
  }

  public void setUserAgentSuffix(String userAgentSuffix) {
    this.userAgentSuffix = userAgentSuffix;
  }

  public Health getHealth() {
    return health;
  }

  @Override
  public String toString() {
    return "ZimProperties{appId=" + appId + ", serverSecret=" + (serverSecret == null ? "unset" : "<redacted>")
        + ", region=" + region + ", endpoint=" + endpoint + "}";
  }

  /** A rate that replaces the spec's for one action. */
  public static class Rate {
    /** Requests allowed per period. */
    private int permits;

    /** The period the permits are counted over. */
    private Duration period = Duration.ofSeconds(1);

    public int getPermits() {
      return permits;
    }

    public void setPermits(int permits) {
      this.permits = permits;
    }

    public Duration getPeriod() {
      return period;
    }

    public void setPeriod(Duration period) {
      this.period = period;
    }
  }

  /** When the health indicator reports the client down. */
  public static class Health {
    /**
     * Consecutive calls failing without a usable answer (transport, protocol, deadline, unknown
     * outcome) or with an authentication, configuration or server error, after which the
     * indicator reports DOWN. A business answer (not found, conflict, ...) or a success resets it.
     */
    private int failureThreshold = 5;

    /** How far back failures are counted in the indicator's {@code recentFailures} detail. */
    private Duration window = Duration.ofMinutes(5);

    public int getFailureThreshold() {
      return failureThreshold;
    }

    public void setFailureThreshold(int failureThreshold) {
      this.failureThreshold = failureThreshold;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }
  }
}
