package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Latency, "server busy" and the knobs' runtime changes. */
class FaultKnobsTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;

  private static long timedMillis(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void fixedLatencyDelaysTheAnswer() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).latency(Duration.ofMillis(150)).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, Clock.systemUTC());
      client.get("DestroyRoom", "RoomId", "warm-up");
      long elapsed = timedMillis(() -> assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "r"))));
      assertTrue(elapsed >= 150, "answered after " + elapsed + " ms");

      zim.faults().latency(Duration.ZERO);
      // The best of three, so that one GC pause on a busy machine does not decide.
      long fast = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        fast = Math.min(fast, timedMillis(() -> client.get("DestroyRoom", "RoomId", "r")));
      }
      assertTrue(fast < 150, "answered after " + fast + " ms without latency");
    }
  }

  @Test
  void latencyRangeIsSampledWithinItsBounds() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, Clock.systemUTC());
      client.get("DestroyRoom", "RoomId", "warm-up");
      zim.faults().latency(Duration.ofMillis(60), Duration.ofMillis(90));
      for (int i = 0; i < 3; i++) {
        long elapsed = timedMillis(() -> client.get("DestroyRoom", "RoomId", "r"));
        assertTrue(elapsed >= 60 && elapsed < 90 + 2000, "answered after " + elapsed + " ms");
      }
    }
    FaultSettings settings = FaultSettings.none().withLatency(Duration.ofMillis(10), Duration.ofMillis(20));
    for (int i = 0; i < 1000; i++) {
      long nanos = FaultKnobs.sampleLatencyNanos(settings);
      assertTrue(nanos >= 10_000_000 && nanos <= 20_000_000, nanos + " ns");
    }
  }

  @Test
  void busyAnswersCodeOneWithoutTouchingState() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("r").busyProbability(1.0).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, Clock.systemUTC());
      Map<String, Object> answer = client.get("DestroyRoom", "RoomId", "r");
      assertEquals(1, code(answer));
      assertEquals("Server busy.", answer.get("Message"));
      assertEquals(Set.of("r"), zim.rooms());

      // Busy applies to valid requests only: a bad one still gets its own code.
      assertEquals(2, code(client.get("DestroyRoom")));

      zim.faults().busyProbability(0.0);
      assertEquals(0, code(client.get("DestroyRoom", "RoomId", "r")));
    }
  }

  @Test
  void busyProbabilityIsAShare() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).noRateLimits().busyProbability(0.5).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, Clock.systemUTC());
      int busy = 0;
      for (int i = 0; i < 200; i++) {
        busy += code(client.get("DestroyRoom", "RoomId", "r")) == 1 ? 1 : 0;
      }
      // Binomial(200, 0.5): outside [60, 140] has probability below 1e-8.
      assertTrue(busy > 60 && busy < 140, busy + " of 200 busy");
    }
  }

  @Test
  void knobsResetToTheirBuiltValues() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clockOffset(Duration.ofSeconds(5)).build()) {
      zim.faults().busyProbability(0.3).clockOffset(Duration.ZERO).latency(Duration.ofMillis(1));
      assertEquals(0.3, zim.faults().settings().busyProbability());
      zim.faults().reset();
      assertEquals(FaultSettings.none().withClockOffset(Duration.ofSeconds(5)), zim.faults().settings());
    }
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.none().withBusyProbability(1.5));
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.none().withBusyProbability(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.none().withLatency(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> FaultSettings.none().withLatency(Duration.ofMillis(5), Duration.ofMillis(4)));
  }
}
