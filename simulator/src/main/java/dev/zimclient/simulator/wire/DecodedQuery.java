package dev.zimclient.simulator.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A decoded query: every value under its key in arrival order, array keys ({@code UserId[]})
 * filed under their base name ({@code UserId}), and the keys whose encoding was broken.
 */
public final class DecodedQuery {

  private final Map<String, List<String>> values;
  private final Set<String> malformed;

  DecodedQuery(Map<String, List<String>> values, Set<String> malformed) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.values = Collections.unmodifiableMap(copy);
    this.malformed = Collections.unmodifiableSet(new LinkedHashSet<>(malformed));
  }

  /** Every value sent under {@code name} (or {@code name[]}); empty when absent. */
  public List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The first value sent under {@code name}, as form decoders read a scalar. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** The first value, or empty when absent or empty: gateways treat both alike. */
  public Optional<String> nonEmpty(String name) {
    return first(name).filter(v -> !v.isEmpty());
  }

  /** Every key with its values, in arrival order. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  /** Keys (base names) that were dropped because their percent-encoding or UTF-8 was broken. */
  public Set<String> malformed() {
    return malformed;
  }
}
