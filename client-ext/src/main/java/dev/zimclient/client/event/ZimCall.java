package dev.zimclient.client.event;

import java.util.Objects;

/** One call of a generated method, as listeners see it. Immutable. */
public final class ZimCall {
  private final String action;
  private final long appId;
  private final boolean idempotent;
  private final boolean async;

  private ZimCall(Builder builder) {
    this.action = Objects.requireNonNull(builder.action, "action");
    this.appId = builder.appId;
    this.idempotent = builder.idempotent;
    this.async = builder.async;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The ZIM action, as sent in the {@code Action} query parameter. */
  public String action() {
    return action;
  }

  /** The AppId the call is signed for. */
  public long appId() {
    return appId;
  }

  /** Whether the spec lets the action run twice; if not, it is never resent once it may have arrived. */
  public boolean idempotent() {
    return idempotent;
  }

  /** Whether the call came through an {@code Async} method. */
  public boolean async() {
    return async;
  }

  @Override
  public String toString() {
    return "ZimCall{" + action + (async ? ", async" : "") + "}";
  }

  /** Builds a {@link ZimCall}; for listeners' own tests, the client makes its own. */
  public static final class Builder {
    private String action;
    private long appId;
    private boolean idempotent = true;
    private boolean async;

    private Builder() {}

    public Builder action(String action) {
      this.action = action;
      return this;
    }

    public Builder appId(long appId) {
      this.appId = appId;
      return this;
    }

    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    public Builder async(boolean async) {
      this.async = async;
      return this;
    }

    public ZimCall build() {
      return new ZimCall(this);
    }
  }
}
