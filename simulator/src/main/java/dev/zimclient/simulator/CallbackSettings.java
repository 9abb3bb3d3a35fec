package dev.zimclient.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the simulator sends callbacks: the receiver's URL, the callback secret that signs
 * them, the pauses before each retry of a delivery that got no 2xx answer (ZEGO's 2, 4, 8, 16 and
 * 32 seconds unless told otherwise; tests shorten them) and how long one attempt may take.
 * Immutable; the secret never appears in {@link #toString()}.
 */
public final class CallbackSettings {

  /** ZEGO's pauses before each retry of a callback that was not answered with a 2xx status. */
  public static final List<Duration> ZEGO_RETRY_DELAYS = List.of(
      Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));

  private final URI url;
  private final String secret;
  private final List<Duration> retryDelays;
  private final Duration attemptTimeout;

  private CallbackSettings(Builder builder) {
    this.url = builder.url;
    this.secret = builder.secret;
    this.retryDelays = builder.retryDelays;
    this.attemptTimeout = builder.attemptTimeout;
  }

  /** Callbacks to {@code url} signed with {@code secret}, retried at ZEGO's pauses. */
  public static CallbackSettings of(String url, String secret) {
    return builder().url(url).secret(secret).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI url() {
    return url;
  }

  String secret() {
    return secret;
  }

  /** The pause before each retry; their number is the number of retries. */
  public List<Duration> retryDelays() {
    return retryDelays;
  }

  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  @Override
  public String toString() {
    return "CallbackSettings[url=" + url + ", retryDelays=" + retryDelays + ", attemptTimeout=" + attemptTimeout
        + ", secret=***]";
  }

  /** Builds {@link CallbackSettings}; url and secret are required. */
  public static final class Builder {
    private URI url;
    private String secret;
    private List<Duration> retryDelays = ZEGO_RETRY_DELAYS;
    private Duration attemptTimeout = Duration.ofSeconds(3);

    private Builder() {}

    /**
     * The receiver, an absolute {@code http} or {@code https} URL.
     *
     * @throws IllegalArgumentException for anything else
     */
    public Builder url(String value) {
      URI uri;
      try {
        uri = URI.create(Objects.requireNonNull(value, "url"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a callback URL: " + value, e);
      }
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("a callback URL is absolute http or https: " + value);
      }
      this.url = uri;
      return this;
    }

    /** The callback secret the receiver verifies with; not empty. */
    public Builder secret(String value) {
      Objects.requireNonNull(value, "secret");
      if (value.isEmpty()) {
        throw new IllegalArgumentException("the callback secret is empty");
      }
      this.secret = value;
      return this;
    }

    /** The pauses before each retry (at most 10, none negative); none means no retries. */
    public Builder retryDelays(List<Duration> values) {
      List<Duration> copy = List.copyOf(values);
      if (copy.size() > 10 || copy.stream().anyMatch(Duration::isNegative)) {
        throw new IllegalArgumentException("at most 10 retry delays, none negative: " + copy);
      }
      this.retryDelays = copy;
      return this;
    }

    /** {@link #retryDelays(List)} with ZEGO's pauses divided by {@code factor}, for tests. */
    public Builder retryDelaysCompressed(long factor) {
      if (factor < 1) {
        throw new IllegalArgumentException("factor must be at least 1: " + factor);
      }
      return retryDelays(ZEGO_RETRY_DELAYS.stream().map(d -> d.dividedBy(factor)).toList());
    }

    /** How long one attempt may take, connecting included (default 3 s). */
    public Builder attemptTimeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("attemptTimeout must be positive: " + value);
      }
      this.attemptTimeout = value;
      return this;
    }

    public CallbackSettings build() {
      if (url == null || secret == null) {
        throw new IllegalStateException("callbacks need a url and a secret");
      }
      return new CallbackSettings(this);
    }

    @Override
    public String toString() {
      return "CallbackSettings.Builder[url=" + url + ", secret=" + (secret == null ? "unset" : "***") + "]";
    }
  }
}
