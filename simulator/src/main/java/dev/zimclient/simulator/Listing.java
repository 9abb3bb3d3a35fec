package dev.zimclient.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a paginated action lists for one request, before it is cut into pages.
 *
 * @param items every item, in listing order, each shaped as the action's item schema
 * @param fields answer fields that describe the whole listing (a total count), set on every page
 */
record Listing(List<Map<String, Object>> items, Map<String, Object> fields) {

  Listing {
    items = List.copyOf(items);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  static Listing of(List<Map<String, Object>> items) {
    return new Listing(items, Map.of());
  }
}
