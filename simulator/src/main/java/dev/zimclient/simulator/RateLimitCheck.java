package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.RateLimit;
import java.util.Map;
import java.util.Optional;

/**
 * Each action's limit per AppId (and per room for room-scoped limits), in fixed windows of the
 * simulator clock, answered with the limit's throttle code. Counts every authenticated request,
 * valid or not, the stricter reading of an undocumented order.
 */
final class RateLimitCheck implements Check {

  private final Map<String, RateLimit> limits;
  private final RateLimiter limiter;
  private final SimulatorClock clock;
  private final Messages messages;

  RateLimitCheck(
      Map<String, RateLimit> limits, RateLimiter limiter, SimulatorClock clock, Messages messages) {
    this.limits = Map.copyOf(limits);
    this.limiter = limiter;
    this.clock = clock;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    RateLimit limit = limits.get(call.action.name());
    if (limit == null) {
      return Optional.empty();
    }
    String scopeKey = limit.scope() == RateLimit.Scope.ROOM ? roomOf(call) : null;
    long now = clock.now().toEpochMilli();
    if (limiter.tryAcquire(call.app.appId(), call.action.name(), scopeKey, limit, now)) {
      return Optional.empty();
    }
    return Optional.of(messages.reject(limit.throttleCode()));
  }

  private static String roomOf(Call call) {
    Optional<String> inQuery = call.query.first("RoomId");
    if (inQuery.isPresent()) {
      return inQuery.get();
    }
    return call.bodyFields().map(f -> f.get("RoomId")).map(Object::toString).orElse("");
  }
}
