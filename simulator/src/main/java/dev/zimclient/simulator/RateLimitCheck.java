package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ParamSpec;
import dev.zimclient.simulator.spec.RateLimit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each action's windows per AppId, and per room or group for scoped ones (keyed by the query
 * parameter or top-level body field the spec names), in fixed windows of the simulator clock; a
 * window counted in items takes one permit per item of its array. Answers the throttle code of
 * the window that is full. Counts every authenticated request, valid or not, the stricter reading
 * of an undocumented order.
 */
final class RateLimitCheck implements Check {

  private final Map<String, List<RateLimit>> limits;
  private final RateLimiter limiter;
  private final SimulatorClock clock;
  private final Messages messages;

  RateLimitCheck(
      Map<String, List<RateLimit>> limits, RateLimiter limiter, SimulatorClock clock, Messages messages) {
    this.limits = Map.copyOf(limits);
    this.limiter = limiter;
    this.clock = clock;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    List<RateLimit> windows = limits.get(call.action.name());
    if (windows == null) {
      return Optional.empty();
    }
    String[] keys = new String[windows.size()];
    int[] costs = new int[windows.size()];
    for (int i = 0; i < keys.length; i++) {
      RateLimit window = windows.get(i);
      keys[i] = window.key() == null ? null : keyOf(call, window.key());
      costs[i] = window.countsItems() ? Math.max(1, itemsOf(call, window.cost())) : 1;
    }
    long now = clock.now().toEpochMilli();
    RateLimit full = limiter.tryAcquire(call.app.appId(), call.action.name(), windows, keys, costs, now);
    return full == null ? Optional.empty() : Optional.of(messages.reject(full.throttleCode()));
  }

  // A request without the key counts in one shared bucket, as the client's limiter does.
  private static String keyOf(Call call, String name) {
    Optional<String> inQuery = call.query.first(name);
    if (inQuery.isPresent()) {
      return inQuery.get();
    }
    Object inBody = bodyField(call, name);
    return inBody == null || inBody instanceof Map || inBody instanceof List ? "" : inBody.toString();
  }

  private static int itemsOf(Call call, String name) {
    List<String> inQuery = call.query.values(ParamSpec.baseName(name));
    if (!inQuery.isEmpty()) {
      return inQuery.size();
    }
    return bodyField(call, name) instanceof List<?> items ? items.size() : 0;
  }

  private static Object bodyField(Call call, String name) {
    if (!"POST".equals(call.method)) {
      return null;
    }
    return call.bodyFields().map(fields -> fields.get(name)).orElse(null);
  }
}
