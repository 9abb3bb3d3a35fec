package dev.zimclient.simulator.spec;

/**
 * An action's rate limit: {@code permits} per fixed window of {@code periodSeconds}, counted per
 * {@link Scope}, answered with {@code throttleCode} once exceeded.
 */
public record RateLimit(int permits, int periodSeconds, Scope scope, int throttleCode) {

  /** The code the gateway answers when a limit declares none. */
  public static final int DEFAULT_THROTTLE_CODE = 7;

  public RateLimit {
    if (permits < 0) {
      throw new IllegalArgumentException("permits must be >= 0: " + permits);
    }
    if (periodSeconds < 1) {
      throw new IllegalArgumentException("periodSeconds must be >= 1: " + periodSeconds);
    }
    if (scope == null) {
      throw new IllegalArgumentException("scope is required");
    }
  }

  /** The same limit with another number of permits per window. */
  public RateLimit withPermits(int newPermits) {
    return new RateLimit(newPermits, periodSeconds, scope, throttleCode);
  }

  /** Who shares one counter. */
  public enum Scope {
    /** Every request of one AppId. */
    APP,
    /** Every request of one AppId that names the same {@code RoomId}. */
    ROOM;

    /** The scope spelled as in {@code x-zim-rate-limit}; unknown spellings count per app. */
    public static Scope fromSpec(Object value) {
      return value != null && "room".equalsIgnoreCase(value.toString()) ? ROOM : APP;
    }
  }
}
