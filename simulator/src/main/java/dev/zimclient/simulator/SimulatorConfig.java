package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.RateLimit;
import dev.zimclient.simulator.spec.SpecCatalog;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a simulator is built from; immutable and checked against the spec, so a typo in an
 * action name fails at build time. Made by {@link ZimSimulator.Builder}.
 */
record SimulatorConfig(
    SpecCatalog spec,
    Map<Long, AppCredentials> apps,
    InetAddress bindAddress,
    int port,
    Duration timestampWindow,
    boolean rejectReusedNonce,
    Integer nonceReuseCode,
    Map<String, Integer> permitOverrides,
    Set<String> unlimitedActions,
    boolean allUnlimited,
    FaultSettings faults,
    Clock clock,
    List<StateRegistry.Seed> seeds,
    List<SeededListings.Seed> listings,
    Map<String, Integer> pageSizes,
    Map<String, ActionHandler> handlers,
    int maxConnections,
    int journalCapacity) {

  SimulatorConfig {
    if (apps.isEmpty()) {
      throw new IllegalStateException("configure at least one app: app(appId, serverSecret)");
    }
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (timestampWindow.isNegative()) {
      throw new IllegalArgumentException("timestampWindow must not be negative");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
    }
    apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
    permitOverrides = Map.copyOf(permitOverrides);
    unlimitedActions = Set.copyOf(unlimitedActions);
    seeds = List.copyOf(seeds);
    listings = List.copyOf(listings);
    pageSizes = Map.copyOf(pageSizes);
    handlers = Map.copyOf(handlers);
    for (String action : permitOverrides.keySet()) {
      requireAction(spec, action, "rateLimit");
    }
    for (String action : unlimitedActions) {
      requireAction(spec, action, "noRateLimit");
    }
    for (String action : handlers.keySet()) {
      requireAction(spec, action, "handler");
    }
    for (StateRegistry.Seed seed : seeds) {
      if (!apps.containsKey(seed.appId())) {
        throw new IllegalArgumentException("a seed for AppId " + seed.appId() + ", which is not configured");
      }
    }
    for (SeededListings.Seed seed : listings) {
      requireAction(spec, seed.action(), "seedItems");
      if (ActionHandlers.listedFromState().contains(seed.action())) {
        throw new IllegalArgumentException(
            "seedItems(\"" + seed.action() + "\"): its items come from the simulator's state; "
                + "seed rooms, users or groups instead (seedRoomUsers, seedGroup)");
      }
      SeededListings.check(seed, spec.action(seed.action()).orElseThrow());
    }
    pageSizes.forEach((action, size) -> {
      requireAction(spec, action, "pageSize");
      if (spec.action(action).orElseThrow().pagination().isEmpty()) {
        throw new IllegalArgumentException("pageSize(\"" + action + "\"): the action does not page");
      }
      if (size < 1) {
        throw new IllegalArgumentException("pageSize(\"" + action + "\") must be >= 1: " + size);
      }
    });
  }

  /** The app that {@code seedRoom(id)} and {@code rooms()} mean: the first one configured. */
  long defaultAppId() {
    return apps.keySet().iterator().next();
  }

  /**
   * Each action's windows after the overrides; an action absent from the map is unlimited. An
   * override sets the permits of the action's shortest window (its per-second rate, as the
   * client's override does) and leaves longer ones, such as a daily cap, in force.
   */
  Map<String, List<RateLimit>> effectiveRateLimits() {
    Map<String, List<RateLimit>> limits = new HashMap<>();
    if (allUnlimited) {
      return limits;
    }
    for (ActionSpec action : spec.actions().values()) {
      if (unlimitedActions.contains(action.name())) {
        continue;
      }
      Integer permits = permitOverrides.get(action.name());
      List<RateLimit> windows = action.rateLimits();
      if (permits != null) {
        windows = overridden(windows, permits);
      }
      if (!windows.isEmpty()) {
        limits.put(action.name(), windows);
      }
    }
    return limits;
  }

  private static List<RateLimit> overridden(List<RateLimit> windows, int permits) {
    if (windows.isEmpty()) {
      return List.of(new RateLimit(permits, 1, RateLimit.Scope.APP, RateLimit.DEFAULT_THROTTLE_CODE));
    }
    RateLimit shortest = windows.stream().min(Comparator.comparingInt(RateLimit::periodSeconds)).orElseThrow();
    List<RateLimit> result = new ArrayList<>(windows);
    result.set(windows.indexOf(shortest), shortest.withPermits(permits));
    return result;
  }

  private static void requireAction(SpecCatalog spec, String action, String setting) {
    if (spec.action(action).isEmpty()) {
      throw new IllegalArgumentException(
          setting + "(\"" + action + "\"): the spec declares no such action; known: "
              + spec.actions().keySet());
    }
  }

  @Override
  public String toString() {
    // The record's own toString would list the apps; their toString hides the secrets.
    return "SimulatorConfig[apps=" + apps.keySet() + ", bindAddress=" + bindAddress.getHostAddress() + ", port=" + port + "]";
  }
}
