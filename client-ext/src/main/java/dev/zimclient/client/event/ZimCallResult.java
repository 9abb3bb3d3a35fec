package dev.zimclient.client.event;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** How a call ended, as its caller saw it. Immutable. */
public final class ZimCallResult {
  private final ZimOutcome outcome;
  private final Duration duration;
  private final int attempts;
  private final Integer zimCode;
  private final Throwable failure;

  private ZimCallResult(Builder builder) {
    this.failure = builder.failure;
    this.outcome = builder.outcome != null ? builder.outcome : ZimOutcome.of(builder.failure);
    this.duration = Objects.requireNonNull(builder.duration, "duration");
    this.attempts = builder.attempts;
    this.zimCode = builder.zimCode;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ZimOutcome outcome() {
    return outcome;
  }

  /** From {@code callStart} to {@code callEnd}: permit waits, attempts and backoffs. */
  public Duration duration() {
    return duration;
  }

  /** Attempts begun; 0 when the call ended before its first (bad arguments, closed client). */
  public int attempts() {
    return attempts;
  }

  /** The {@code Code} of the last answer, when one could be read. */
  public OptionalInt zimCode() {
    return zimCode == null ? OptionalInt.empty() : OptionalInt.of(zimCode);
  }

  /** The class of {@link #zimCode()}, for tags; see {@link ZimCodeClass}. */
  public String codeClass() {
    return ZimCodeClass.of(zimCode);
  }

  /** The exception the caller got; empty on success. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "ZimCallResult{outcome=" + outcome.id() + ", attempts=" + attempts + ", code=" + zimCode + ", duration="
        + duration.toMillis() + "ms}";
  }

  /** Builds a {@link ZimCallResult}; for listeners' own tests, the client makes its own. */
  public static final class Builder {
    private ZimOutcome outcome;
    private Duration duration = Duration.ZERO;
    private int attempts;
    private Integer zimCode;
    private Throwable failure;

    private Builder() {}

    /** By default the outcome {@link #failure(Throwable)} stands for, or success. */
    public Builder outcome(ZimOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /** Null for no code. */
    public Builder zimCode(Integer zimCode) {
      this.zimCode = zimCode;
      return this;
    }

    public Builder failure(Throwable failure) {
      this.failure = failure;
      return this;
    }

    public ZimCallResult build() {
      return new ZimCallResult(this);
    }
  }
}
