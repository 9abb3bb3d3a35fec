package dev.zimclient.micrometer;

import dev.zimclient.client.event.ZimAttemptResult;
import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimCallResult;
import dev.zimclient.client.event.ZimEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;

/** The listener of one call: records its meters and carries its observation from start to end. */
final class MeteredCall implements ZimEventListener {
  private final MeterRegistry registry;
  private final Tags tags;
  private final ObservationRegistry observations;
  private final ZimObservationConvention convention;
  private final ZimCallContext context;
  private Observation observation;

  MeteredCall(ZimCall call, MeterRegistry registry, Tags common, ObservationRegistry observations,
      ZimObservationConvention convention) {
    this.registry = registry;
    this.tags = common.and("action", call.action());
    this.observations = observations;
    this.convention = convention;
    this.context = new ZimCallContext(call);
  }

  @Override
  public void callStart(ZimCall call) {
    // Started on the caller's thread, so that the current observation (a server request's, say)
    // becomes its parent.
    observation = Observation.createNotStarted(convention, DefaultZimObservationConvention.INSTANCE, () -> context,
        observations).start();
  }

  @Override
  public void attemptStart(ZimCall call, int attempt) {
    if (attempt > 1) {
      Counter.builder(ZimMetrics.RETRIES).description("Attempts after the first").tags(tags).register(registry)
          .increment();
    }
  }

  @Override
  public void permitWaitEnd(ZimCall call, int attempt, Duration waited, boolean granted) {
    Timer.builder(ZimMetrics.PERMIT_WAIT).description("Waits for a rate-limit permit")
        .tags(tags).tag("granted", Boolean.toString(granted))
        .register(registry).record(waited);
  }

  @Override
  public void attemptEnd(ZimCall call, ZimAttemptResult result) {
    context.lastAttempt(result);
    if (result.sent()) {
      Timer.builder(ZimMetrics.ATTEMPTS).description("Requests on the wire")
          .tags(tags).tag("outcome", result.outcome().id()).tag("code.class", result.codeClass())
          .register(registry).record(result.duration());
    }
  }

  @Override
  public void callEnd(ZimCall call, ZimCallResult result) {
    Timer.builder(ZimMetrics.CALLS).description("Calls, from start to end, retries included")
        .tags(tags).tag("outcome", result.outcome().id()).tag("code.class", result.codeClass())
        .register(registry).record(result.duration());
    context.result(result);
    if (observation != null) { // null only if starting it failed (a faulty handler)
      result.failure().ifPresent(observation::error);
      observation.stop();
    }
  }
}
