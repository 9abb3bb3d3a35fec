package dev.zimclient.micrometer;

import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimEventListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * Meters and observes every call of a {@code ZimClient}, as an event listener factory:
 *
 * <pre>{@code
 * ZimMetrics metrics = ZimMetrics.builder(meterRegistry).observationRegistry(observationRegistry).build();
 * ZimClient client = ZimClient.builder()...addEventListenerFactory(metrics).build();
 * new ZimClockOffsetMeter(client).bindTo(meterRegistry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>What</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>action, outcome, code.class</td><td>each call, from
 *       start to end: permit waits, attempts and backoffs</td></tr>
 *   <tr><td>{@value #ATTEMPTS}</td><td>timer</td><td>action, outcome, code.class</td><td>each request
 *       on the wire</td></tr>
 *   <tr><td>{@value #PERMIT_WAIT}</td><td>timer</td><td>action, granted</td><td>each attempt's wait
 *       for a rate-limit permit</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>action</td><td>attempts after the first</td></tr>
 *   <tr><td>{@value ZimClockOffsetMeter#CLOCK_OFFSET}</td><td>gauge</td><td>app.id</td><td>see
 *       {@link ZimClockOffsetMeter}</td></tr>
 * </table>
 *
 * <p>{@code outcome} is a {@code ZimOutcome} ({@code success}, {@code api-error},
 * {@code transport-error}, ...); {@code code.class} the class of the ZIM code ({@code success},
 * {@code not-found}, {@code throttled}, ..., {@code unknown}, {@code none}). Both are bounded sets:
 * codes themselves and RequestIds are not tags.
 *
 * <p>With an {@link ObservationRegistry}, each call is also an {@code Observation} named
 * {@value DefaultZimObservationConvention#NAME}, for tracing; its convention can be replaced.
 */
public final class ZimMetrics implements ZimEventListener.Factory {
  /** Timer of whole calls. */
  public static final String CALLS = "zim.client.calls";
  /** Timer of requests on the wire. */
  public static final String ATTEMPTS = "zim.client.attempts";
  /** Timer of rate-limit permit waits. */
  public static final String PERMIT_WAIT = "zim.client.permit.wait";
  /** Counter of retries. */
  public static final String RETRIES = "zim.client.retries";

  private final MeterRegistry registry;
  private final ObservationRegistry observations;
  private final ZimObservationConvention convention;
  private final Tags tags;

  private ZimMetrics(Builder builder) {
    this.registry = builder.registry;
    this.observations = builder.observations;
    this.convention = builder.convention;
    this.tags = builder.tags;
  }

  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public ZimEventListener create(ZimCall call) {
    return new MeteredCall(call, registry, tags, observations, convention);
  }

  /** Configures {@link ZimMetrics}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private ZimObservationConvention convention;
    private Tags tags = Tags.empty();

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Where each call's observation goes; none by default. */
    public Builder observationRegistry(ObservationRegistry observations) {
      this.observations = Objects.requireNonNull(observations, "observations");
      return this;
    }

    /** Replaces {@link DefaultZimObservationConvention} for the observations' names and keys. */
    public Builder observationConvention(ZimObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /** Tags added to every meter, e.g. the client's name when an application has several. */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = this.tags.and(tags);
      return this;
    }

    public ZimMetrics build() {
      return new ZimMetrics(this);
    }
  }
}
