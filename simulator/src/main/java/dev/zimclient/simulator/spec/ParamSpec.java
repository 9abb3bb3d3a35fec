package dev.zimclient.simulator.spec;

import java.util.Objects;

/**
 * One business parameter of an action.
 *
 * @param name the name as the spec spells it (an array may be spelled {@code UserId[]})
 * @param location query or JSON body
 * @param required whether a request without it is rejected
 * @param rule the constraints of its value
 */
public record ParamSpec(String name, ParamLocation location, boolean required, SchemaRule rule) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(rule, "rule");
  }

  /** The name without a trailing {@code []}: the key under which decoded query values are filed. */
  public String baseName() {
    return baseName(name);
  }

  /** {@code name} without a trailing {@code []}. */
  public static String baseName(String name) {
    return name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
  }
}
