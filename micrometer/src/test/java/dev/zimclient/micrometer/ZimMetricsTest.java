package dev.zimclient.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.client.error.ZimServerErrorException;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters and observations of real calls against the simulator on loopback. */
class ZimMetricsTest {
  private static final long APP_ID = 1_000_001L;
  private static final String SECRET = "5e6c1b0f2a9d4c7e8b3a6f1d0c9e8b7a";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ObservationRegistry observations = ObservationRegistry.create();
  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
  private ZimSimulator simulator;
  private ZimClient client;
  private RoomApi rooms;

  @BeforeEach
  void start() {
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    simulator = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("room-1").start();
    ZimMetrics metrics = ZimMetrics.builder(meters).observationRegistry(observations)
        .tags(Tags.of("client", "test")).build();
    client = ZimClient.builder().appId(APP_ID).serverSecret(SECRET).endpoint(simulator.baseUrl())
        .backoff(Duration.ofMillis(5), Duration.ofMillis(10)).addEventListenerFactory(metrics).build();
    new ZimClockOffsetMeter(client).bindTo(meters);
    rooms = client.create(RoomApi.class);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  @Test
  void aSuccessfulCallIsTimedOnceWithItsAttemptAndPermitWait() {
    rooms.destroyRoom("room-1", null);

    Timer calls = meters.get(ZimMetrics.CALLS)
        .tags("action", "DestroyRoom", "outcome", "success", "code.class", "success", "client", "test").timer();
    assertEquals(1, calls.count());
    assertTrue(calls.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
    assertEquals(1, meters.get(ZimMetrics.ATTEMPTS).tags("action", "DestroyRoom", "outcome", "success").timer().count());
    assertEquals(1, meters.get(ZimMetrics.PERMIT_WAIT).tags("action", "DestroyRoom", "granted", "true").timer().count());
    assertNull(meters.find(ZimMetrics.RETRIES).counter(), "no retry, no counter");
  }

  @Test
  void anAnswerWithAnErrorCodeIsTaggedWithItsCodeClass() {
    assertThrows(ZimNotFoundException.class, () -> rooms.destroyRoom("no-such-room", null));

    assertEquals(1, meters.get(ZimMetrics.CALLS)
        .tags("action", "DestroyRoom", "outcome", "api-error", "code.class", "not-found").timer().count());
  }

  @Test
  void retriesAreCountedAndEachAttemptTimed() {
    simulator.faults().busyProbability(1.0);

    assertThrows(ZimServerErrorException.class, () -> rooms.destroyRoom("room-1", null));

    assertEquals(2.0, meters.get(ZimMetrics.RETRIES).tags("action", "DestroyRoom").counter().count());
    assertEquals(3, meters.get(ZimMetrics.ATTEMPTS)
        .tags("action", "DestroyRoom", "outcome", "api-error", "code.class", "server-error").timer().count());
    assertEquals(1, meters.get(ZimMetrics.CALLS).tags("outcome", "api-error", "code.class", "server-error").timer().count());
  }

  @Test
  void eachCallIsOneStoppedObservationWithItsOutcomeAndRequestId() {
    rooms.destroyRoomAsync("room-1", null).join();

    assertEquals(1, stopped.size());
    ZimCallContext context = (ZimCallContext) stopped.get(0);
    assertEquals(DefaultZimObservationConvention.NAME, context.getName());
    assertEquals("zim DestroyRoom", context.getContextualName());
    assertEquals("success", context.getLowCardinalityKeyValue("zim.outcome").getValue());
    assertEquals("DestroyRoom", context.getLowCardinalityKeyValue("zim.action").getValue());
    assertNotNull(context.getHighCardinalityKeyValue("zim.request.id"), "the answer's RequestId, for tracing");
    assertNull(context.getError());
  }

  @Test
  void aFailedCallsObservationCarriesTheError() {
    assertThrows(ZimNotFoundException.class, () -> rooms.destroyRoom("no-such-room", null));

    ZimCallContext context = (ZimCallContext) stopped.get(0);
    assertTrue(context.getError() instanceof ZimNotFoundException);
    assertEquals("not-found", context.getLowCardinalityKeyValue("zim.code.class").getValue());
    assertEquals("660300001", context.getHighCardinalityKeyValue("zim.code").getValue());
  }

  @Test
  void theClockOffsetGaugeFollowsWhatTheClientLearned() {
    Gauge offset = meters.get(ZimClockOffsetMeter.CLOCK_OFFSET).tags("app.id", Long.toString(APP_ID)).gauge();
    assertEquals(0.0, offset.value());

    simulator.faults().clockOffset(Duration.ofMinutes(11));
    rooms.destroyRoom("room-1", null); // refused as expired, learned, signed again

    assertEquals(660.0, offset.value(), 5.0);
  }
}
