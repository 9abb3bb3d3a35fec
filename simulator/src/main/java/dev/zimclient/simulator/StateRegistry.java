package dev.zimclient.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The state of every configured app, and the seeds each one returns to on reset. */
final class StateRegistry {

  /** Something a builder put into one app's state at start, replayed on every reset. */
  record Seed(long appId, Consumer<AppState> apply) {}

  private final Map<Long, AppState> byApp = new HashMap<>();
  private final List<Seed> seeds;

  StateRegistry(Set<Long> appIds, List<Seed> seeds) {
    for (Long appId : appIds) {
      byApp.put(appId, new AppState());
    }
    this.seeds = List.copyOf(seeds);
    reset();
  }

  /** The state of {@code appId}. */
  AppState of(long appId) {
    AppState state = byApp.get(appId);
    if (state == null) {
      throw new IllegalArgumentException("AppId " + appId + " is not configured");
    }
    return state;
  }

  /** Every app back to its seeds, applied in the order they were given. */
  void reset() {
    byApp.values().forEach(AppState::clear);
    for (Seed seed : seeds) {
      seed.apply().accept(of(seed.appId()));
    }
  }
}
