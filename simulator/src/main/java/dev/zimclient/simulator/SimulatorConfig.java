package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.RateLimit;
import dev.zimclient.simulator.spec.SpecCatalog;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    Map<Long, Set<String>> seeds,
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
    Map<Long, Set<String>> seedCopy = new HashMap<>();
    seeds.forEach((app, rooms) -> seedCopy.put(app, Set.copyOf(rooms)));
    seeds = Map.copyOf(seedCopy);
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
    for (Long app : seeds.keySet()) {
      if (!apps.containsKey(app)) {
        throw new IllegalArgumentException("seedRoom for AppId " + app + ", which is not configured");
      }
    }
  }

  /** The app that {@code seedRoom(id)} and {@code rooms()} mean: the first one configured. */
  long defaultAppId() {
    return apps.keySet().iterator().next();
  }

  /** Each action's limit after the overrides; an action absent from the map is unlimited. */
  Map<String, RateLimit> effectiveRateLimits() {
    Map<String, RateLimit> limits = new HashMap<>();
    if (allUnlimited) {
      return limits;
    }
    for (ActionSpec action : spec.actions().values()) {
      if (unlimitedActions.contains(action.name())) {
        continue;
      }
      Integer permits = permitOverrides.get(action.name());
      if (permits != null) {
        limits.put(
            action.name(),
            action.rateLimit()
                .map(l -> l.withPermits(permits))
                .orElseGet(() -> new RateLimit(permits, 1, RateLimit.Scope.APP, RateLimit.DEFAULT_THROTTLE_CODE)));
      } else {
        action.rateLimit().ifPresent(l -> limits.put(action.name(), l));
      }
    }
    return limits;
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
