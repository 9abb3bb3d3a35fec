package dev.zimclient.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This library's version, as the build wrote it into {@code zim-client.properties}. */
final class ClientVersion {
  static final String USER_AGENT_PRODUCT = "zim-server-client-java";
  private static final String VERSION = load();

  private ClientVersion() {}

  static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ClientVersion.class.getResourceAsStream("zim-client.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
