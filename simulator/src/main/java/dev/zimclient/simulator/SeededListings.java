package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.Pagination;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Items tests gave for paginated actions the simulator keeps no state for (a user's friends, a
 * conversation's messages), each served to the requests whose parameters match. Immutable.
 */
final class SeededListings {

  /**
   * One seed: the items, and the parameter values a request must carry to be served them (none:
   * every request of the action).
   */
  record Seed(String action, Map<String, String> when, List<Map<String, Object>> items) {
    Seed {
      Objects.requireNonNull(action, "action");
      when = Map.copyOf(when);
      List<Map<String, Object>> copies = new ArrayList<>();
      for (Map<String, ?> item : items) {
        // LinkedHashMap keeps the field order the test wrote; a JSON null is a legal value.
        copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(item, "item"))));
      }
      items = List.copyOf(copies);
    }

    boolean matches(ActionRequest request) {
      for (Map.Entry<String, String> condition : when.entrySet()) {
        if (!request.param(condition.getKey()).filter(condition.getValue()::equals).isPresent()) {
          return false;
        }
      }
      return true;
    }
  }

  private final Map<String, List<Seed>> byAction = new LinkedHashMap<>();

  SeededListings(List<Seed> seeds) {
    for (Seed seed : seeds) {
      byAction.computeIfAbsent(seed.action(), a -> new ArrayList<>()).add(seed);
    }
  }

  /** Whether items were seeded for {@code action}. */
  boolean has(String action) {
    return byAction.containsKey(action);
  }

  /**
   * The listing of {@code action}: the items of the most specific seed a request matches (the
   * one with the most conditions; among equals, the latest given), none when it matches none.
   */
  ListingSource sourceFor(String action) {
    List<Seed> seeds = byAction.getOrDefault(action, List.of());
    return request -> {
      Seed best = null;
      for (Seed seed : seeds) {
        if (seed.matches(request) && (best == null || seed.when().size() >= best.when().size())) {
          best = seed;
        }
      }
      return Listing.of(best == null ? List.of() : best.items());
    };
  }

  /** The items of the action's success example, listed when nothing else gives any. */
  static ListingSource exampleOf(ActionSpec action, Pagination pagination) {
    List<Map<String, Object>> items = new ArrayList<>();
    if (action.successExample().get(pagination.itemsField()) instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          Map<String, Object> copy = new LinkedHashMap<>();
          map.forEach((k, v) -> copy.put(String.valueOf(k), v));
          items.add(copy);
        }
      }
    }
    Listing listing = Listing.of(items);
    return request -> listing;
  }

  /**
   * Checks seeds against the spec at build time, so that a typo fails there and not as a test
   * that pages through nothing.
   *
   * @throws IllegalArgumentException naming the problem
   */
  static void check(Seed seed, ActionSpec action) {
    Pagination pagination = action.pagination().orElseThrow(
        () -> new IllegalArgumentException("seedItems(\"" + seed.action() + "\"): the action does not page"));
    for (String name : seed.when().keySet()) {
      if (!action.declares(name)) {
        throw new IllegalArgumentException(
            "seedItems(\"" + seed.action() + "\"): " + name + " is not a parameter of the action");
      }
    }
    if (pagination.itemFields().isEmpty()) {
      return;
    }
    for (Map<String, Object> item : seed.items()) {
      for (String field : item.keySet()) {
        if (!pagination.itemFields().contains(field)) {
          throw new IllegalArgumentException(
              "seedItems(\"" + seed.action() + "\"): an item has " + field + ", which "
                  + pagination.itemsField() + " items do not; they have " + pagination.itemFields());
        }
      }
    }
  }
}
