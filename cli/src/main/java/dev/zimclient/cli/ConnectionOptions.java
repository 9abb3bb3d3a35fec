package dev.zimclient.cli;

import dev.zimclient.generated.ZimRegion;
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
    if (id == null && secret == null && endpoint == null && region == null) {
      return new Resolved(null, null, null, qps, true);
    }
    if (id == null) {
      throw new ConfigurationException("missing AppId: pass --app-id or set " + APP_ID_ENV);
    }
    if (secret == null) {
      throw new ConfigurationException("missing ServerSecret: pass --server-secret or --server-secret-file, or set " + SECRET_ENV);
    }
    String url = endpoint != null ? endpoint : region != null ? region.baseUrl() + "/" : null;
    return new Resolved(id, secret, url, qps, false);
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

  static Long parseAppId(String text) {
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
  record Resolved(Long appId, String serverSecret, String endpoint, Integer qps, boolean local) {
    @Override
    public String toString() {
      return "Resolved{appId=" + appId + ", endpoint=" + endpoint + ", qps=" + qps + ", local=" + local + "}";
    }
  }
}
