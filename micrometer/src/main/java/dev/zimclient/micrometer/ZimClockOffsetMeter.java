package dev.zimclient.micrometer;

import dev.zimclient.client.ZimClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The gauge {@value #CLOCK_OFFSET}: the ZIM server's clock minus this host's, in seconds, as the
 * client learned it from clock-skew answers (zero until one came). The server refuses signatures
 * more than 10 minutes off; a growing value means this host's clock drifts. Tagged with the
 * client's {@code app.id}. Holds the client weakly.
 */
public final class ZimClockOffsetMeter implements MeterBinder {
  /** The gauge's name. */
  public static final String CLOCK_OFFSET = "zim.client.clock.offset";

  private final ZimClient client;
  private final Tags tags;

  public ZimClockOffsetMeter(ZimClient client) {
    this(client, Tags.empty());
  }

  public ZimClockOffsetMeter(ZimClient client, Iterable<Tag> tags) {
    this.client = Objects.requireNonNull(client, "client");
    this.tags = Tags.of(tags).and("app.id", Long.toString(client.appId()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(CLOCK_OFFSET, client, c -> c.clockOffset().toMillis() / 1000.0)
        .description("The ZIM server's clock minus this host's")
        .baseUnit("seconds")
        .tags(tags)
        .register(registry);
  }
}
