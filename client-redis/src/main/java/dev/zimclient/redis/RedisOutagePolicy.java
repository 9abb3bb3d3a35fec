package dev.zimclient.redis;

/**
 * What a call does when Redis does not answer within the limiter's wait: either it fails and
 * nothing is sent ({@link #fail()}), or this process paces the action on its own at a share of the
 * declared limit until Redis answers again ({@link #localShare(double)}).
 *
 * <p>Pick the share so that the processes that may run at once stay under the limit together, with
 * room to spare: paced apart from each other, each may put {@code ceil(share x permits)} requests
 * into one of the server's windows. With four processes of one AppId, 0.2 (4 x 4 of 20 a second);
 * 0.25 puts them at the limit exactly, and any jitter over it.
 */
public final class RedisOutagePolicy {
  private static final RedisOutagePolicy FAIL = new RedisOutagePolicy(0);

  private final double share;

  private RedisOutagePolicy(double share) {
    this.share = share;
  }

  /** Calls fail with {@link ZimRedisUnavailableException}; nothing is sent. */
  public static RedisOutagePolicy fail() {
    return FAIL;
  }

  /**
   * Calls go on, paced in this process at {@code share} of each declared limit (rounded down to
   * whole permits per period, and never less than one permit per period stretched to fit).
   */
  public static RedisOutagePolicy localShare(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1]: " + share);
    }
    return new RedisOutagePolicy(share);
  }

  /** Whether calls fail rather than go on. */
  public boolean fails() {
    return share == 0;
  }

  /** The share of each limit paced locally; 0 for {@link #fail()}. */
  public double share() {
    return share;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedisOutagePolicy policy && policy.share == share;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(share);
  }

  @Override
  public String toString() {
    return fails() ? "fail" : "localShare(" + share + ")";
  }
}
