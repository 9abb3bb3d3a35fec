package dev.zimclient.cli;

import dev.zimclient.generated.ZimRegion;
import dev.zimclient.redis.RedisOutagePolicy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where to send requests and how to sign them: every connection setting of the command line, in
 * one place. A flag beats the environment, which beats the profile.
 */
final class ConnectionOptions {
  static final String APP_ID_ENV = "ZIM_APP_ID";
  static final String SECRET_ENV = "ZIM_SERVER_SECRET";
  static final String PROFILE_ENV = "ZIM_PROFILE";
  static final String REDIS_ENV = "ZIM_REDIS_URL";

  @Option(names = "--profile", paramLabel = "NAME",
      description = "A profile of ~/.config/zim/config (or of the file ZIM_CONFIG_FILE names); or env ZIM_PROFILE.")
  String profile;

  @Option(names = "--app-id", paramLabel = "ID", description = "AppId (or env ZIM_APP_ID, or the profile's app_id).")
  Long appId;

  @Option(names = "--server-secret", paramLabel = "SECRET", arity = "1",
      description = "ServerSecret (or env ZIM_SERVER_SECRET, --server-secret-file, or the profile's). Never echoed.")
  String serverSecret;

  @Option(names = "--server-secret-file", paramLabel = "FILE", description = "File holding the ServerSecret; not readable by every user.")
  Path serverSecretFile;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Base URL; plain http only for loopback hosts. Default: the profile's, else the unified host.")
  String endpoint;

  @Option(names = "--region", paramLabel = "REGION", description = "One of: ${COMPLETION-CANDIDATES}.")
  ZimRegion region;

  @Option(names = "--qps", paramLabel = "N", description = "Requests per second instead of the spec's limit.")
  Integer qps;

  @Option(names = "--redis", paramLabel = "URL",
      description = "Share the AppId's rate limits with every process pointed at this Redis, e.g. redis://HOST:PORT"
          + " (or env ZIM_REDIS_URL, or the profile's redis).")
  String redis;

  @Option(names = "--redis-outage", paramLabel = "POLICY", defaultValue = "fail",
      description = "While Redis does not answer: 'fail' (calls fail, nothing sent) or 'local:SHARE' (this process"
          + " paces alone at SHARE of the limit, e.g. local:0.25). Default: ${DEFAULT-VALUE}.")
  String redisOutage;

  /** The settings resolved against the environment and the profile. */
  Resolved resolve(Map<String, String> env) {
    if (endpoint != null && region != null) {
      throw new ConfigurationException("give --endpoint or --region, not both");
    }
    if (qps != null && qps <= 0) {
      throw new ConfigurationException("--qps must be positive: " + qps);
    }
    if (serverSecret != null && serverSecretFile != null) {
      throw new ConfigurationException("give --server-secret or --server-secret-file, not both");
    }
    Profiles profiles = Profiles.load(env);
    Profiles.Profile chosen = profiles.select(profile != null ? profile : env.get(PROFILE_ENV));
    Long id = appId != null ? appId : parseAppId(env.get(APP_ID_ENV), APP_ID_ENV);
    if (id == null) {
      id = parseAppId(chosen.get("app_id"), "app_id of profile " + chosen.name());
    }
    String url = url(endpoint, region);
    if (url == null && endpoint == null && region == null) {
      url = url(chosen.get("endpoint"), chosen.get("region") == null ? null : region(chosen));
    }
    String secret = secret(env, chosen);
    SharedLimits shared = sharedLimits(env, chosen);
    if (id == null && secret == null && url == null) {
      return new Resolved(null, null, null, qps, shared, true, profiles);
    }
    if (id == null) {
      throw new ConfigurationException("missing AppId: pass --app-id, set " + APP_ID_ENV + " or use a --profile with app_id");
    }
    if (secret == null) {
      throw new ConfigurationException("missing ServerSecret: pass --server-secret or --server-secret-file, or set " + SECRET_ENV);
    }
    return new Resolved(id, secret, url, qps, shared, false, profiles);
  }

  /** The Redis to share limits through, or null to keep them in this process. */
  private SharedLimits sharedLimits(Map<String, String> env, Profiles.Profile chosen) {
    String url = redis != null ? redis : env.get(REDIS_ENV) != null ? env.get(REDIS_ENV) : chosen.get("redis");
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

  /** A Redis to share the AppId's limits through, and what to do while it does not answer. */
  record SharedLimits(String url, RedisOutagePolicy outagePolicy) {
    @Override
    public String toString() {
      return "SharedLimits{url=<redacted>, outagePolicy=" + outagePolicy + "}";
    }
  }

  private String secret(Map<String, String> env, Profiles.Profile chosen) {
    if (serverSecretFile != null) {
      return SecretFiles.read(serverSecretFile, "--server-secret-file");
    }
    String value = serverSecret != null ? serverSecret : env.get(SECRET_ENV);
    if (value != null && !value.isBlank()) {
      return value;
    }
    if (chosen.get("server_secret") != null) {
      SecretFiles.refuseIfWorldReadable(chosen.file(), "the configuration file");
      return chosen.get("server_secret");
    }
    String file = chosen.get("server_secret_file");
    if (file != null) {
      Path path = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
      return SecretFiles.read(chosen.file().toAbsolutePath().getParent().resolve(path), "the server_secret_file of profile " + chosen.name());
    }
    return null;
  }

  private static String url(String endpoint, ZimRegion region) {
    return endpoint != null ? endpoint : region != null ? region.baseUrl() + "/" : null;
  }

  private static ZimRegion region(Profiles.Profile chosen) {
    String name = chosen.get("region").toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return ZimRegion.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("region of profile " + chosen.name() + " is not one of " + java.util.Arrays.toString(ZimRegion.values()));
    }
  }

  static Long parseAppId(String text, String what) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(what + " is not a number");
    }
  }

  /**
   * Resolved settings; {@code local} means no credentials and no endpoint were given.
   *
   * @param profiles the configuration file's profiles, to name them when none was used
   */
  record Resolved(Long appId, String serverSecret, String endpoint, Integer qps, SharedLimits shared, boolean local,
      Profiles profiles) {
    @Override
    public String toString() {
      return "Resolved{appId=" + appId + ", endpoint=" + endpoint + ", qps=" + qps + ", local=" + local + "}";
    }
  }
}
