package dev.zimclient.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Where the build put things, and jars made of class directories. */
final class Jars {
  static final Path ROOT = Path.of(System.getProperty("zim.root", "..")).toAbsolutePath().normalize();
  static final String VERSION = System.getProperty("zim.version");

  private Jars() {}

  /** The jar a module of the reactor packaged, e.g. {@code jar("client-ext", "zim-client-ext", "")}. */
  static Path jar(String module, String artifactId, String classifier) {
    String suffix = classifier.isEmpty() ? "" : "-" + classifier;
    return ROOT.resolve(module).resolve("target").resolve(artifactId + "-" + VERSION + suffix + ".jar");
  }

  static byte[] read(Path jar) {
    try {
      return Files.readAllBytes(jar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar + " (built by the reactor before this module?)", e);
    }
  }

  /** A jar of every file under {@code classes}, in memory. */
  static byte[] of(Path classes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(file));
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String report(List<ApiGate.Break> breaks, String acceptance) {
    StringBuilder text = new StringBuilder(breaks.size() + " Java API break(s) against the baseline:\n");
    breaks.forEach(b -> text.append("  - ").append(b).append('\n'));
    return text.append(acceptance).toString();
  }
}
