package dev.zimclient.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code zim --version}: the version the build wrote into {@code zim-version.properties}. */
final class Version implements CommandLine.IVersionProvider {
  static final String RESOURCE = "/dev/zimclient/cli/zim-version.properties";

  @Override
  public String[] getVersion() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String[] {"zim " + properties.getProperty("version")};
  }
}
