package dev.zimclient.simulator.spec;

/**
 * One window of an action's rate limit: {@code permits} per fixed window of {@code periodSeconds},
 * counted per {@link Scope}, answered with {@code throttleCode} once exceeded. An action may
 * declare several windows (1 a second and 100 a day); every one applies.
 *
 * @param key the parameter whose value names the room or group a scoped window counts for (a
 *     query parameter or a top-level body field); null for an app-wide window
 * @param cost the array parameter whose item count is the permits one request takes; null when a
 *     request takes one permit
 */
public record RateLimit(int permits, int periodSeconds, Scope scope, int throttleCode, String key, String cost) {

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
    if (key == null) {
      key = scope.defaultKey();
    }
  }

  /** A window counted one permit per request, keyed by its scope's usual parameter. */
  public RateLimit(int permits, int periodSeconds, Scope scope, int throttleCode) {
    this(permits, periodSeconds, scope, throttleCode, null, null);
  }

  /** The same window with another number of permits. */
  public RateLimit withPermits(int newPermits) {
    return new RateLimit(newPermits, periodSeconds, scope, throttleCode, key, cost);
  }

  /** Whether a request takes one permit per item of {@link #cost()}. */
  public boolean countsItems() {
    return cost != null;
  }

  /** Who shares one counter. */
  public enum Scope {
    /** Every request of one AppId. */
    APP(null),
    /** Every request of one AppId that names the same room. */
    ROOM("RoomId"),
    /** Every request of one AppId that names the same group. */
    GROUP("GroupId");

    private final String defaultKey;

    Scope(String defaultKey) {
      this.defaultKey = defaultKey;
    }

    /** The parameter that names the room or group when the spec gives no {@code key}. */
    String defaultKey() {
      return defaultKey;
    }

    /** The scope spelled as in {@code x-zim-rate-limit}; unknown spellings count per app. */
    public static Scope fromSpec(Object value) {
      if (value != null && "room".equalsIgnoreCase(value.toString())) {
        return ROOM;
      }
      return value != null && "group".equalsIgnoreCase(value.toString()) ? GROUP : APP;
    }
  }
}
