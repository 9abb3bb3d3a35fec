package dev.zimclient.client.event;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** How one attempt of a call ended. Immutable. */
public final class ZimAttemptResult {
  private final int attempt;
  private final ZimOutcome outcome;
  private final boolean sent;
  private final Duration duration;
  private final int httpStatus;
  private final Integer zimCode;
  private final String requestId;
  private final Throwable failure;

  private ZimAttemptResult(Builder builder) {
    if (builder.attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + builder.attempt);
    }
    this.attempt = builder.attempt;
    this.failure = builder.failure;
    this.outcome = builder.outcome != null ? builder.outcome : ZimOutcome.of(builder.failure);
    this.sent = builder.sent;
    this.duration = Objects.requireNonNull(builder.duration, "duration");
    this.httpStatus = builder.httpStatus;
    this.zimCode = builder.zimCode;
    this.requestId = builder.requestId;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** 1 for the first attempt, 2 for the first retry, ... */
  public int attempt() {
    return attempt;
  }

  public ZimOutcome outcome() {
    return outcome;
  }

  /** Time from sending the request to the end of its answer; zero when nothing was sent. */
  public Duration duration() {
    return duration;
  }

  /** Whether a request went on the wire: false when no permit was granted. */
  public boolean sent() {
    return sent;
  }

  /** The response's HTTP status; 0 when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code Code} of the answer, when one could be read. */
  public OptionalInt zimCode() {
    return zimCode == null ? OptionalInt.empty() : OptionalInt.of(zimCode);
  }

  /** The class of {@link #zimCode()}, for tags; see {@link ZimCodeClass}. */
  public String codeClass() {
    return ZimCodeClass.of(zimCode);
  }

  /** The server's {@code RequestId}, when the answer had one: quote it to ZEGO's support. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** What the attempt failed with; empty on success. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "ZimAttemptResult{attempt=" + attempt + ", outcome=" + outcome.id() + ", httpStatus=" + httpStatus
        + ", code=" + zimCode + ", duration=" + duration.toMillis() + "ms}";
  }

  /** Builds a {@link ZimAttemptResult}; for listeners' own tests, the client makes its own. */
  public static final class Builder {
    private int attempt = 1;
    private ZimOutcome outcome;
    private Duration duration = Duration.ZERO;
    private boolean sent;
    private int httpStatus;
    private Integer zimCode;
    private String requestId;
    private Throwable failure;

    private Builder() {}

    public Builder attempt(int attempt) {
      this.attempt = attempt;
      return this;
    }

    /** By default the outcome {@link #failure(Throwable)} stands for, or success. */
    public Builder outcome(ZimOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    /** Marks the request as sent and sets its time on the wire. */
    public Builder sent(Duration duration) {
      this.sent = true;
      this.duration = duration;
      return this;
    }

    public Builder httpStatus(int httpStatus) {
      this.httpStatus = httpStatus;
      return this;
    }

    /** Null for no code. */
    public Builder zimCode(Integer zimCode) {
      this.zimCode = zimCode;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder failure(Throwable failure) {
      this.failure = failure;
      return this;
    }

    public ZimAttemptResult build() {
      return new ZimAttemptResult(this);
    }
  }
}
