package dev.zimclient.simulator.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the simulator knows from the spec: the actions and the return-code catalogue. */
public final class SpecCatalog {

  /** Where the {@code zim-api-spec} artifact puts the spec on the classpath. */
  public static final String DEFAULT_RESOURCE = "zim/zim-server-api.yaml";

  private final Map<String, ActionSpec> actions;
  private final ReturnCodeCatalog returnCodes;

  SpecCatalog(Map<String, ActionSpec> actions, ReturnCodeCatalog returnCodes) {
    this.actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    this.returnCodes = returnCodes;
  }

  /** Reads the spec at {@link #DEFAULT_RESOURCE}. */
  public static SpecCatalog fromClasspath() {
    return fromClasspath(DEFAULT_RESOURCE);
  }

  /** Reads a spec from the classpath (the thread's context loader, then this class's). */
  public static SpecCatalog fromClasspath(String resource) {
    return fromYaml(readResource(resource), resource);
  }

  /** Reads a spec given as YAML or JSON text; {@code location} names it in errors. */
  public static SpecCatalog fromYaml(String text, String location) {
    return SpecReader.read(text, location);
  }

  /** The action named {@code name}, if the spec declares it. */
  public Optional<ActionSpec> action(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  /** Every action, in spec order. */
  public Map<String, ActionSpec> actions() {
    return actions;
  }

  public ReturnCodeCatalog returnCodes() {
    return returnCodes;
  }

  private static String readResource(String resource) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(resource);
    if (in == null) {
      in = SpecCatalog.class.getClassLoader().getResourceAsStream(resource);
    }
    if (in == null) {
      throw new IllegalStateException(
          "spec " + resource + " is not on the classpath (dependency dev.zimclient:zim-api-spec)");
    }
    try (InputStream stream = in) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spec " + resource, e);
    }
  }
}
