package dev.zimclient.cli;

import dev.zimclient.generated.ZimRegion;
import dev.zimclient.redis.RedisOutagePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where to send requests and how to sign them; flags first, then the environment. */
final class ConnectionOptions {
  static final String APP_ID_ENV = "ZIM_APP_ID";
  static final String SECRET_ENV = "ZIM_SERVER_SECRET";
  static final String REDIS_ENV = "ZIM_REDIS_URL";

  @Option(names = "--app-id", paramLabel = "ID", description = "AppId (or env ZIM_APP_ID).")
  Long appId;

  @Option(names = "--server-secret", paramLabel = "SECRET", arity = "1",
      description = "ServerSecret (or env ZIM_SERVER_SECRET, or --server-secret-file). Never echoed.")
  String serverSecret;

  @Option(names = "--server-secret-file", paramLabel = "FILE", description = "File holding the ServerSecret.")
  Path serverSecretFile;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Base URL; plain http only for loopback hosts. Default: the unified host.")
  String endpoint;

  @Option(names = "--region", paramLabel = "REGION", description = "One of: ${COMPLETION-CANDIDATES}.")
  ZimRegion region;

  @Option(names = "--qps", paramLabel = "N", description = "Requests per second instead of the spec's limit.")
  Integer qps;

  @Option(names = "--redis", paramLabel = "URL",
      description = "Share the AppId's rate limits with every process pointed at this Redis, e.g. redis://HOST:PORT"
          + " (or env ZIM_REDIS_URL).")
  String redis;

  @Option(names = "--redis-outage", paramLabel = "POLICY", defaultValue = "fail",
      description = "While Redis does not answer: 'fail' (calls fail, nothing sent) or 'local:SHARE' (this process"
          + " paces alone at SHARE of the limit, e.g. local:0.25). Default: ${DEFAULT-VALUE}.")
  String redisOutage;

  /** The settings resolved against the environment. */
  Resolved resolve(Map<String, String> env) {
    if (endpoint != null && region != null) {
      throw new ConfigurationException("give --endpoint or --region, not both");
    }
    if (qps != null && qps <= 0) {
      throw new ConfigurationException("--qps must be positive: " + qps);
    }
    Long id = appId != null ? appId : parseAppId(env.get(APP_ID_ENV));
    String secret = secret(env);
    SharedLimits shared = sharedLimits(env);
    if (id == null && secret == null && endpoint == null && region == null) {
      return new Resolved(null, null, null, qps, shared, true);
    }
    if (id == null) {
      throw new ConfigurationException("missing AppId: pass --app-id or set " + APP_ID_ENV);
    }
    if (secret == null) {
      throw new ConfigurationException("missing ServerSecret: pass --server-secret or --server-secret-file, or set " + SECRET_ENV);
    }
    String url = endpoint != null ? endpoint : region != null ? region.baseUrl() + "/" : null;
    return new Resolved(id, secret, url, qps, shared, false);
  }

  /** The Redis to share limits through, or null to keep them in this process. */
  private SharedLimits sharedLimits(Map<String, String> env) {
    String url = redis != null ? redis : env.get(REDIS_ENV);
    if (url == null || url.isBlank()) {
      return null;
    }
    url = url.strip();
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new ConfigurationException("--redis must be a redis:// or rediss:// URL");
    }
    return new SharedLimits(url, outagePolicy(redisOutage));
  }

  private static RedisOutagePolicy outagePolicy(String text) {
    String policy = text.strip();
    if (policy.equals("fail")) {
      return RedisOutagePolicy.fail();
    }
    if (policy.startsWith("local:")) {
      try {
        return RedisOutagePolicy.localShare(Double.parseDouble(policy.substring("local:".length())));
      } catch (IllegalArgumentException e) {
        // NumberFormatException is one too; the message below says what is accepted.
      }
    }
    throw new ConfigurationException("--redis-outage must be 'fail' or 'local:SHARE' with SHARE in (0, 1]: " + text);
  }

  /** Limits shared through Redis at {@code url} (which may hold a password: never printed). */
  record SharedLimits(String url, RedisOutagePolicy outagePolicy) {
    @Override
    public String toString() {
      return "SharedLimits{url=<redacted>, outagePolicy=" + outagePolicy + "}";
    }
  }

  private String secret(Map<String, String> env) {
    if (serverSecret != null && serverSecretFile != null) {
      throw new ConfigurationException("give --server-secret or --server-secret-file, not both");
    }
    if (serverSecretFile != null) {
      try {
        return Files.readString(serverSecretFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigurationException("cannot read --server-secret-file " + serverSecretFile + ": " + e.getMessage());
      }
    }
    String value = serverSecret != null ? serverSecret : env.get(SECRET_ENV);
    return value == null || value.isBlank() ? null : value;
  }

  private static Long parseAppId(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(APP_ID_ENV + " is not a number");
    }
  }

  /** Resolved settings; {@code local} means no credentials and no endpoint were given. */
  record Resolved(Long appId, String serverSecret, String endpoint, Integer qps, SharedLimits shared, boolean local) {
    @Override
    public String toString() {
      return "Resolved{appId=" + appId + ", endpoint=" + endpoint + ", qps=" + qps + ", shared=" + shared
          + ", local=" + local + "}";
    }
  }
}
