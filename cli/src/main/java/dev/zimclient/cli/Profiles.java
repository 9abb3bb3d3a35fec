package dev.zimclient.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named profiles in an INI file, {@code ~/.config/zim/config} unless {@code ZIM_CONFIG_FILE} names
 * another: sections {@code [NAME]} (or {@code [profile NAME]}) of {@code key = value} lines.
 */
final class Profiles {
  static final String CONFIG_ENV = "ZIM_CONFIG_FILE";
  static final String DEFAULT = "default";
  /** The keys a profile may hold; {@code redis} names a shared rate-limit store. */
  static final Set<String> KEYS = Set.of("app_id", "server_secret", "server_secret_file", "endpoint", "region", "redis");

  /** One profile's settings; {@link #NONE} when no profile applies. */
  record Profile(String name, Path file, Map<String, String> values) {
    static final Profile NONE = new Profile(null, null, Map.of());

    String get(String key) {
      return values.get(key);
    }
  }

  private final Path file;
  private final Map<String, Map<String, String>> sections;

  private Profiles(Path file, Map<String, Map<String, String>> sections) {
    this.file = file;
    this.sections = sections;
  }

  /** The profiles of the configuration file; none when it does not exist. */
  static Profiles load(Map<String, String> env) {
    String named = env.get(CONFIG_ENV);
    Path file = named != null && !named.isBlank() ? Path.of(named)
        : Path.of(System.getProperty("user.home"), ".config", "zim", "config");
    try {
      return new Profiles(file, parse(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return new Profiles(file, Map.of());
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the configuration file " + file + ": " + Failures.words(e));
    }
  }

  Path file() {
    return file;
  }

  List<String> names() {
    return List.copyOf(sections.keySet());
  }

  /**
   * The profile asked for (by --profile or ZIM_PROFILE), else the {@code default} one if the file
   * has it, else none.
   */
  Profile select(String name) {
    if (name == null || name.isBlank()) {
      Map<String, String> fallback = sections.get(DEFAULT);
      return fallback == null ? Profile.NONE : new Profile(DEFAULT, file, fallback);
    }
    Map<String, String> values = sections.get(name);
    if (values == null) {
      throw new ConfigurationException("no profile '" + name + "' in " + file
          + (sections.isEmpty() ? "" : " (it has: " + String.join(", ", sections.keySet()) + ")"));
    }
    return new Profile(name, file, values);
  }

  private static Map<String, Map<String, String>> parse(Path file, List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 ? KeySource.withoutBom(lines.get(i)).strip() : lines.get(i).strip();
      String where = file + ":" + (i + 1);
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1).strip();
        name = name.startsWith("profile ") ? name.substring("profile ".length()).strip() : name;
        current = sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0 || current == null) {
        throw new ConfigurationException(where + ": expected [NAME] or key = value");
      }
      String key = line.substring(0, equals).strip();
      if (!KEYS.contains(key)) {
        throw new ConfigurationException(where + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
      }
      current.put(key, line.substring(equals + 1).strip());
    }
    return sections;
  }
}
