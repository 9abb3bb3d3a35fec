package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.reliability.Calls.Mode;
import dev.zimclient.client.reliability.Calls.Outcome;
import dev.zimclient.generated.api.RoomApi;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever comes back (any status, any framing, any bytes) the client returns a Code 0 envelope
 * or throws one of its own documented types, within the deadline; nothing from Moshi, OkHttp or
 * the JDK reaches the caller.
 */
class HostileResponsesTest {
  static final Duration DEADLINE = Duration.ofSeconds(2);
  static final long SLACK_MILLIS = 1_000;

  static LoopbackServer server;
  static ZimClient client;
  static RoomApi rooms;
  static final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  static long startedNanos;

  @BeforeContainer
  static void start() throws Exception {
    server = new LoopbackServer();
    client = server.clientBuilder()
        .readTimeout(Duration.ofMillis(500))
        .deadline(DEADLINE)
        .maxAttempts(2)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
        .throttledBackoff(Duration.ofMillis(1))
        .build();
    rooms = client.create(RoomApi.class);
    startedNanos = System.nanoTime();
  }

  @AfterContainer
  static void stop() throws Exception {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    client.close();
    server.close();
    long total = outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    Figures.record("hostile input: random responses end in own types", total + " calls, " + millis + " ms: "
        + new TreeMap<>(outcomes));
  }

  @Property(tries = 2_000)
  void onlyTheClientsOwnTypesComeOut(@ForAll("replies") HostileReply reply, @ForAll boolean async) {
    byte[] bytes = reply.bytes();
    server.script(LoopbackServer.raw(bytes));

    Outcome outcome = Calls.destroyRoom(rooms, async ? Mode.ASYNC : Mode.SYNC, "room-1", null, DEADLINE.plusSeconds(5));

    if (outcome.failure() == null) {
      assertTrue(reply.isSuccessStatus(), "success from " + reply);
      assertEquals(0, outcome.value().code(), "success with a non-zero Code from " + reply);
      count("success");
    } else {
      Throwable failure = outcome.failure();
      if (!(failure instanceof ZimException)) {
        fail("foreign exception from " + reply, failure);
      }
      assertTrue(Modifier.isPublic(failure.getClass().getModifiers()), failure.getClass() + " is not public");
      assertNotNull(failure.getMessage());
      count(failure.getClass().getSimpleName());
    }
    assertTrue(outcome.millis() <= DEADLINE.toMillis() + SLACK_MILLIS, outcome.millis() + " ms for " + reply);
  }

  @Provide
  Arbitrary<HostileReply> replies() {
    return HostileReply.any();
  }

  private static void count(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }
}
