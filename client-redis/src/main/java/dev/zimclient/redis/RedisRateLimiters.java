package dev.zimclient.redis;

import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.generated.ZimRateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Rate limits shared by every process of an AppId: a {@link ZimRateLimiter.Factory} whose budgets
 * live in Redis, one Bucket4j bucket per AppId, action, window and (for a limit kept per room or
 * group) key value, so that two apps never share a budget and the processes of one always do.
 *
 * <pre>{@code
 * try (RedisRateLimiters limits = RedisRateLimiters.builder()
 *         .redisUri("redis://127.0.0.1:6379")
 *         .outagePolicy(RedisOutagePolicy.localShare(0.25))
 *         .connect();
 *      ZimClient client = ZimClient.builder().appId(appId).serverSecret(secret)
 *         .rateLimiterFactory(limits).build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Requests are spaced evenly at {@link Builder#utilization} of each declared rate across all
 * processes. Every Redis request is bounded by {@link Builder#timeout}; past it the
 * {@link RedisOutagePolicy} applies until Redis answers again. One instance holds one Redis
 * connection: share it between clients, and close it after them.
 */
public final class RedisRateLimiters implements ZimRateLimiter.Factory, AutoCloseable {
  /** Default share of each declared rate the shared buckets hand out. */
  public static final double DEFAULT_UTILIZATION = 0.97;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** How long a bucket outlives the moment it would be full again: an idle room's key goes away. */
  private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

  /** Wall-clock time with the clock's full resolution; the buckets' times must agree across processes. */
  private static final TimeMeter WALL_CLOCK = new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  };

  private final String address;
  private final double utilization;
  private final RedisOutagePolicy policy;
  private final String keyPrefix;
  private final long probeIntervalNanos;
  private final ClientResources resources;
  private final RedisClient redis;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final AsyncProxyManager<byte[]> buckets;
  private final RedisHealth health;
  private final LongSupplier nanoTime = System::nanoTime;

  private RedisRateLimiters(Builder builder) {
    RedisURI uri = RedisURI.create(builder.redisUri);
    // Connecting (and the handshake's commands) may take longer than a call may wait: processes
    // that start together on a busy machine connect slowly. Calls are bounded by Bucket4j's timeout.
    Duration connectTimeout = builder.timeout.compareTo(CONNECT_TIMEOUT) > 0 ? builder.timeout : CONNECT_TIMEOUT;
    uri.setTimeout(connectTimeout);
    this.address = describe(uri);
    this.utilization = builder.utilization;
    this.policy = builder.policy;
    this.keyPrefix = builder.keyPrefix;
    this.probeIntervalNanos = builder.probeInterval.toNanos();
    // Reconnect soon after Redis returns: the default backoff grows to 30 s.
    this.resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), builder.probeInterval, 2, TimeUnit.MILLISECONDS))
        .build();
    this.redis = RedisClient.create(resources, uri);
    redis.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // While disconnected, fail at once rather than queue: the outage policy decides, not a buffer.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
        .build());
    try {
      this.connection = redis.connect(ByteArrayCodec.INSTANCE);
    } catch (RuntimeException e) {
      shutdown();
      throw new IllegalStateException("cannot reach Redis at " + address + ": " + rootMessage(e), e);
    }
    this.buckets = Bucket4jLettuce.casBasedBuilder(connection.async())
        .clientClock(WALL_CLOCK)
        .requestTimeout(builder.timeout)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
        .build()
        .asAsync();
    this.health = new RedisHealth(address, policy, probeIntervalNanos, nanoTime);
    warmUp(connection);
  }

  /**
   * Runs a few reservations on a bucket of its own before any call needs one: the first
   * reservations of a process load and compile Bucket4j's and Lettuce's code, which on a busy
   * machine, with other processes starting alongside, takes longer than the timeout that bounds a
   * call's wait, and would start an outage at once. These get the connect timeout instead.
   */
  private void warmUp(StatefulRedisConnection<byte[], byte[]> connection) {
    AsyncProxyManager<byte[]> patient = Bucket4jLettuce.casBasedBuilder(connection.async())
        .clientClock(WALL_CLOCK)
        .requestTimeout(CONNECT_TIMEOUT)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
        .build()
        .asAsync();
    AsyncBucketProxy bucket = patient.builder().build((keyPrefix + ":warm-up").getBytes(StandardCharsets.UTF_8),
        () -> CompletableFuture.completedFuture(paced(TimeUnit.MICROSECONDS.toNanos(1))));
    try {
      for (int i = 0; i < 3; i++) {
        CompletableFuture<Long> wait = new CompletableFuture<>();
        bucket.asScheduler().tryConsume(1, TimeUnit.SECONDS.toNanos(1), new DelayCapture(wait))
            .get(2 * CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        bucket.tryConsume(1).get(2 * CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      close();
      throw new IllegalStateException("Redis at " + address + " does not answer: " + rootMessage(e), e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The limiter of one budget. Needs the AppId, which {@code ZimClient} fills in.
   *
   * @throws IllegalArgumentException when the limit names no AppId
   */
  @Override
  public ZimRateLimiter create(ZimActionLimit limit) {
    if (limit.appId() <= 0) {
      throw new IllegalArgumentException("a shared limit needs its AppId: " + limit);
    }
    boolean paced = SharedLimiter.isPaced(limit.period());
    BucketConfiguration configuration = configuration(limit);
    // A send is late once it could reach the server in the next window with the one after it: the
    // headroom the utilization leaves per period, half of it for lateness and half for the network.
    long lateNanos = paced ? (long) (limit.period().toNanos() * (1 / utilization - 1) / 2) : Long.MAX_VALUE;
    LocalFallback fallback = policy.fails() ? null
        : new LocalFallback(limit, policy.share(), utilization, 2 * probeIntervalNanos, nanoTime);
    return new SharedLimiter(limit.action(),
        buckets.builder().build(key(limit), () -> CompletableFuture.completedFuture(configuration)),
        paced ? intervalNanos(limit) : 0, lateNanos, health, address, fallback, nanoTime);
  }

  private BucketConfiguration configuration(ZimActionLimit limit) {
    return SharedLimiter.isPaced(limit.period()) ? paced(intervalNanos(limit)) : capped(limit);
  }

  /** The spacing of a paced limit's slots at the configured utilization. */
  private long intervalNanos(ZimActionLimit limit) {
    return (long) Math.ceil(limit.period().toNanos() / (limit.permits() * utilization));
  }

  /** One permit, refilled every interval: Redis hands out slots one interval apart. */
  private static BucketConfiguration paced(long intervalNanos) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(intervalNanos)).build())
        .build();
  }

  /** The period's permits, all renewed at each multiple of the period since the epoch (midnight UTC for a day). */
  private static BucketConfiguration capped(ZimActionLimit limit) {
    long periodMillis = limit.period().toMillis();
    Instant nextBoundary = Instant.ofEpochMilli((System.currentTimeMillis() / periodMillis + 1) * periodMillis);
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(limit.permits())
            .refillIntervallyAligned(limit.permits(), limit.period(), nextBoundary).build())
        .build();
  }

  /** {@code prefix:appId:action:periodSeconds}, then {@code :room:ID} or {@code :group:ID} for a keyed limit. */
  byte[] key(ZimActionLimit limit) {
    StringBuilder key = new StringBuilder(keyPrefix).append(':').append(limit.appId()).append(':')
        .append(limit.action()).append(':').append(limit.period().toSeconds());
    if (limit.scope() != ZimRateLimit.Scope.APP) {
      key.append(':').append(limit.scope().name().toLowerCase(Locale.ROOT)).append(':').append(limit.key());
    }
    return key.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The Redis address, without credentials. */
  public String address() {
    return address;
  }

  /** Whether the last requests to Redis went unanswered (an outage is going on). */
  public boolean isRedisDown() {
    return health.isDown();
  }

  /** Closes the Redis connection; limiters made by this factory then follow the outage policy. */
  @Override
  public void close() {
    connection.close();
    shutdown();
  }

  private void shutdown() {
    redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "RedisRateLimiters{" + address + ", utilization=" + utilization + ", outage=" + policy + "}";
  }

  private static String describe(RedisURI uri) {
    return (uri.isSsl() ? "rediss" : "redis") + "://" + uri.getHost() + ":" + uri.getPort()
        + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  /** Settings of a {@link RedisRateLimiters}; {@link #redisUri} is required. */
  public static final class Builder {
    private String redisUri;
    private double utilization = DEFAULT_UTILIZATION;
    private Duration timeout = Duration.ofSeconds(1);
    private RedisOutagePolicy policy = RedisOutagePolicy.fail();
    private Duration probeInterval = Duration.ofSeconds(1);
    private String keyPrefix = "zim:rl";

    private Builder() {}

    /** {@code redis://[:password@]HOST[:PORT][/DB]} or {@code rediss://...}; the password never shows in logs or messages. */
    public Builder redisUri(String redisUri) {
      this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
      return this;
    }

    /**
     * Share of each declared rate the shared buckets hand out; 0.97 by default. The rest is headroom
     * for a send that leaves a little after its slot, for the network, and for clocks of different
     * hosts that disagree (the buckets run on each process's wall clock).
     */
    public Builder utilization(double utilization) {
      if (!(utilization > 0.5 && utilization < 1)) {
        throw new IllegalArgumentException("utilization must be in (0.5, 1): " + utilization);
      }
      this.utilization = utilization;
      return this;
    }

    /**
     * The longest a call waits on Redis before the outage policy applies; 1 s by default. A local
     * Redis answers in well under a millisecond; the rest is room for a busy machine's pauses (a
     * collection, a burst of compilation), each of which would otherwise start an outage.
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** What calls do while Redis is not answering; {@link RedisOutagePolicy#fail()} by default. */
    public Builder outagePolicy(RedisOutagePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How often, while Redis is not answering, one call asks it again; 1 s by default. */
    public Builder probeInterval(Duration probeInterval) {
      if (probeInterval.isNegative() || probeInterval.isZero()) {
        throw new IllegalArgumentException("probeInterval must be positive: " + probeInterval);
      }
      this.probeInterval = probeInterval;
      return this;
    }

    /** The start of every key this factory writes; {@code zim:rl} by default. */
    public Builder keyPrefix(String keyPrefix) {
      if (keyPrefix.isEmpty()) {
        throw new IllegalArgumentException("keyPrefix must not be empty");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * Connects to Redis.
     *
     * @throws IllegalStateException naming the address when Redis cannot be reached within the timeout
     * @throws IllegalArgumentException when the URI is not a Redis URI
     */
    public RedisRateLimiters connect() {
      if (redisUri == null) {
        throw new IllegalStateException("redisUri is required");
      }
      return new RedisRateLimiters(this);
    }

    @Override
    public String toString() {
      return "RedisRateLimiters.Builder{redisUri=" + (redisUri == null ? "unset" : "<set>") + ", utilization="
          + utilization + ", timeout=" + timeout + ", outage=" + policy + "}";
    }
  }
}
