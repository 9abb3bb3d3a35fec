package dev.zimclient.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The rooms of every configured app, and the seed each one returns to on reset. */
final class RoomRegistry {

  private final Map<Long, Rooms> byApp;
  private final Map<Long, Set<String>> seeds;

  RoomRegistry(Set<Long> appIds, Map<Long, Set<String>> seeds) {
    this.byApp = new HashMap<>();
    for (Long appId : appIds) {
      byApp.put(appId, new Rooms());
    }
    this.seeds = Map.copyOf(seeds);
    reset();
  }

  /** The rooms of {@code appId}. */
  Rooms of(long appId) {
    Rooms rooms = byApp.get(appId);
    if (rooms == null) {
      throw new IllegalArgumentException("AppId " + appId + " is not configured");
    }
    return rooms;
  }

  /** Every app's rooms back to its seed. */
  void reset() {
    byApp.forEach((appId, rooms) -> rooms.replaceWith(seeds.getOrDefault(appId, Set.of())));
  }
}
