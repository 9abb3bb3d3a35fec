package dev.zimclient.redis;

import dev.zimclient.client.error.ZimException;

/**
 * Redis, which keeps the rate limits shared by every process of the AppId, did not answer within
 * the limiter's wait, and the outage policy is {@link RedisOutagePolicy#fail()}: nothing was sent.
 * Not retried by the client; the cause is Redis's failure when there was one this call saw.
 */
public final class ZimRedisUnavailableException extends ZimException {
  private static final long serialVersionUID = 1L;

  private final String redisAddress;

  public ZimRedisUnavailableException(String action, String redisAddress, Throwable cause) {
    super(action, action + ": the rate limiter's Redis at " + redisAddress + " is not answering; nothing was sent",
        false, cause);
    this.redisAddress = redisAddress;
  }

  /** The Redis address, without credentials. */
  public String redisAddress() {
    return redisAddress;
  }
}
