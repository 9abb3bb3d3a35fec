package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.generated.ZimRateLimit;
import dev.zimclient.generated.ZimRateLimits;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action is paced by each window its operation declares in {@code x-zim-rate-limit}: the
 * generated methods carry the windows, the client reports the shortest as the limit in force, makes
 * a limiter for each (observed through a recording {@link ZimRateLimiter.Factory} that never waits),
 * one per room or group when the window is keyed, and takes one permit per item of the array a
 * window counts in.
 */
class EveryActionRateLimitTest extends UnpacedWireMockSupport {
  /** The limiters the client asked for, in order, each counting the permits it was asked for. */
  private final List<Recorded> created = new CopyOnWriteArrayList<>();

  @Override
  ZimRateLimiter.Factory limiterFactory() {
    return limit -> {
      Recorded recorded = new Recorded(limit, new AtomicInteger());
      created.add(recorded);
      return maxWaitNanos -> {
        recorded.permits().incrementAndGet();
        return 0L;
      };
    };
  }

  private record Recorded(ZimActionLimit limit, AtomicInteger permits) {}

  /** One window as the spec declares it. */
  private record Window(int permits, long periodSeconds, String scope, String key, String cost) {
    static Window of(Map<?, ?> declared) {
      return new Window(((Number) declared.get("permits")).intValue(),
          ((Number) declared.get("periodSeconds")).longValue(),
          String.valueOf(declared.get("scope")).toUpperCase(Locale.ROOT),
          declared.get("key") == null ? "" : declared.get("key").toString(),
          declared.get("cost") == null ? "" : declared.get("cost").toString());
    }

    static Window of(ZimRateLimit generated) {
      return new Window(generated.permits(), generated.periodSeconds(), generated.scope().name(), generated.key(),
          generated.cost());
    }

    boolean isLimit(ZimActionLimit limit) {
      return limit.permits() == permits && limit.period().equals(Duration.ofSeconds(periodSeconds))
          && limit.scope().name().equals(scope);
    }

    boolean keyed() {
      return !key.isEmpty() && !scope.equals("APP");
    }
  }

  static Stream<String> actions() {
    return ZimSpec.get().actions().stream().sorted();
  }

  /** The windows the spec declares, one map or a list of them; shortest first. */
  static List<Window> declared(String action) {
    Object raw = ZimSpec.get().operation(action).operation().getExtensions().get("x-zim-rate-limit");
    List<Window> windows = new ArrayList<>();
    if (raw instanceof Map<?, ?> one) {
      windows.add(Window.of(one));
    } else if (raw instanceof List<?> several) {
      several.forEach(window -> windows.add(Window.of((Map<?, ?>) window)));
    }
    windows.sort(Comparator.comparingLong(Window::periodSeconds));
    return windows;
  }

  static List<Window> generated(Method method) {
    List<Window> windows = new ArrayList<>();
    for (ZimRateLimit limit : method.getAnnotationsByType(ZimRateLimit.class)) {
      windows.add(Window.of(limit));
    }
    ZimRateLimits container = method.getAnnotation(ZimRateLimits.class);
    assertTrue(container == null || container.value().length == windows.size());
    windows.sort(Comparator.comparingLong(Window::periodSeconds));
    return windows;
  }

  @ParameterizedTest
  @MethodSource("actions")
  void everyDeclaredWindowIsInForce(String action) {
    List<Window> declared = declared(action);
    SpecCalls.ActionMethods methods = SpecCalls.methods(action);
    assertTrue(!declared.isEmpty(), action + " declares no rate limit");
    assertEquals(declared, generated(methods.blocking()), "the windows of " + methods.blocking().getName());
    assertEquals(declared, generated(methods.async()), "the windows of " + methods.async().getName());

    stub(action(action).willReturn(example(action, "success")));
    Object api = client.create(methods.api());
    Object[] arguments = SpecCalls.validArguments(action);
    SpecCalls.invoke(api, methods.blocking(), arguments);

    Window shortest = declared.get(0);
    Optional<ZimActionLimit> inForce = client.rateLimit(action);
    assertTrue(inForce.isPresent(), action + " has no limit in force");
    assertEquals(action, inForce.get().action());
    assertTrue(shortest.isLimit(inForce.get()), "in force: " + inForce.get() + ", declared " + shortest);

    List<Recorded> ofAction = created.stream().filter(r -> r.limit().action().equals(action)).toList();
    for (Window window : declared) {
      List<Recorded> limiters = ofAction.stream().filter(r -> window.isLimit(r.limit())).toList();
      assertTrue(!limiters.isEmpty(), action + ": no limiter for " + window + "; the client made " + ofAction);
      int expectedPermits = window.cost().isEmpty() ? 1 : costOf(action, window.cost(), arguments);
      assertEquals(expectedPermits, limiters.stream().mapToInt(r -> r.permits().get()).sum(),
          action + ": permits taken in " + window);
    }
    // A keyed window makes one limiter per key value (and one for calls whose key cannot be read):
    // one kind per window is its rate and scope, whatever the key.
    assertEquals(declared.size(),
        ofAction.stream().map(r -> List.of(r.limit().permits(), r.limit().period(), r.limit().scope())).distinct().count(),
        action + ": one kind of limiter per declared window, made " + ofAction);

    // A second call for another room or group makes a keyed window's limiter for that key; an
    // app-wide window serves it from the same limiter.
    for (Window window : declared) {
      int before = (int) created.stream().filter(r -> r.limit().action().equals(action) && window.isLimit(r.limit())).count();
      SpecCalls.invoke(api, methods.blocking(), window.keyed() ? SpecCalls.argumentsWithKey(action, window.key(), 2) : arguments);
      int after = (int) created.stream().filter(r -> r.limit().action().equals(action) && window.isLimit(r.limit())).count();
      assertEquals(window.keyed() ? before + 1 : before, after,
          action + ": limiters of " + window + " after a call for " + (window.keyed() ? "another " + window.key() : "the same arguments"));
    }
  }

  /** The item count of the array a window counts in: a query parameter or a field of the body. */
  private static int costOf(String action, String name, Object[] arguments) {
    int body = SpecCalls.bodyIndex(action);
    if (body >= 0) {
      return SpecCalls.requestExample(action).path(name).size();
    }
    Method method = SpecCalls.methods(action).blocking();
    java.lang.annotation.Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (java.lang.annotation.Annotation annotation : annotations[i]) {
        if (annotation instanceof dev.zimclient.generated.ZimParam param && param.name().equals(name)) {
          return ((Collection<?>) arguments[i]).size();
        }
      }
    }
    throw new AssertionError(action + " has no argument " + name + " to count");
  }
}
