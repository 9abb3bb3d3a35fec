package dev.zimclient.cli;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.redis.RedisRateLimiters;
import dev.zimclient.simulator.GeneratedCredentials;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * A client for one command: to ZEGO or the endpoint given, to the embedded simulator when nothing
 * is given, or to nowhere for a dry run; and the action's generated interface on it.
 */
final class Session implements AutoCloseable {
  /** Where a dry run without an endpoint would have gone: the embedded simulator on loopback. */
  private static final String LOCAL_PLACEHOLDER = "http://localhost/";

  private final ActionModel action;
  private final ZimClient client;
  private final LocalGateway local;
  private final OkHttpClient dryRunHttp;
  private final RedisRateLimiters shared;
  private final Object api;

  private Session(ActionModel action, ZimClient client, LocalGateway local, OkHttpClient dryRunHttp,
      RedisRateLimiters shared) {
    this.action = action;
    this.client = client;
    this.local = local;
    this.dryRunHttp = dryRunHttp;
    this.shared = shared;
    this.api = client.create(action.api());
  }

  static Session open(ConnectionOptions.Resolved settings, ActionModel action, boolean dryRun, PrintWriter out, PrintWriter err) {
    ZimClientBuilder builder = ZimClient.builder()
        // A bulk run queues for permits; its in-flight bound keeps each wait short anyway.
        .maxRateLimitWait(Duration.ofMinutes(5));
    if (settings.qps() != null) {
      builder.rateLimit(action.action(), settings.qps(), Duration.ofSeconds(1));
    }
    if (dryRun) {
      OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new DryRun(out)).build();
      builder.okHttpClient(http).rateLimiterFactory(ZimRateLimiters.unlimited()).maxAttempts(1);
      if (settings.local()) {
        err.println("zim: dry run; nothing is sent. With no credentials or endpoint it would go to a local simulator");
        builder.appId(GeneratedCredentials.appId()).serverSecret(GeneratedCredentials.serverSecret()).endpoint(LOCAL_PLACEHOLDER);
      } else {
        credentials(builder, settings);
      }
      return new Session(action, build(builder), null, http, null);
    }
    RedisRateLimiters shared = sharedLimits(settings);
    if (shared != null) {
      // Processes that share the AppId's limit queue for its permits together: calls wait longer.
      builder.rateLimiterFactory(shared).deadline(Duration.ofMinutes(5));
    }
    if (!settings.local()) {
      credentials(builder, settings);
      return new Session(action, build(builder), null, null, shared);
    }
    LocalGateway local = LocalGateway.start(err, settings.profiles());
    try {
      builder.appId(local.appId()).serverSecret(local.serverSecret()).endpoint(local.baseUrl());
      return new Session(action, build(builder), local, null, shared);
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
  }

  /** The Redis-backed limits every process of the AppId shares, or null for this process's own. */
  private static RedisRateLimiters sharedLimits(ConnectionOptions.Resolved settings) {
    if (settings.shared() == null) {
      return null;
    }
    try {
      return RedisRateLimiters.builder().redisUri(settings.shared().url())
          .outagePolicy(settings.shared().outagePolicy()).connect();
    } catch (IllegalStateException | IllegalArgumentException e) {
      // The message names the address without its password.
      throw new ConfigurationException(e.getMessage());
    }
  }

  private static void credentials(ZimClientBuilder builder, ConnectionOptions.Resolved settings) {
    builder.appId(settings.appId()).serverSecret(settings.serverSecret());
    if (settings.endpoint() != null) {
      builder.endpoint(settings.endpoint());
    }
  }

  // A wrong endpoint or AppId is the user's to fix: one line, exit 2.
  private static ZimClient build(ZimClientBuilder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /** Requests per second the action may send, as the client paces it. */
  int permitsPerSecond() {
    return client.rateLimit(action.action()).map(limit -> limit.permits()).orElse(20);
  }

  /** Calls a method of the action's interface with the arguments; the call's own exception is thrown. */
  Object call(Method method, Object[] args) {
    if (local != null) {
      local.prepare(action, args);
    }
    try {
      return method.invoke(api, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    if (dryRunHttp != null) {
      dryRunHttp.dispatcher().executorService().shutdown();
      dryRunHttp.connectionPool().evictAll();
    }
    if (local != null) {
      local.close();
    }
    if (shared != null) {
      shared.close();
    }
  }
}
