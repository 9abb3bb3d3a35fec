package dev.zimclient.micrometer;

import dev.zimclient.client.event.ZimAttemptResult;
import dev.zimclient.client.event.ZimCallResult;
import dev.zimclient.client.event.ZimCodeClass;
import dev.zimclient.client.event.ZimOutcome;
import io.micrometer.common.KeyValues;

/**
 * The observation {@value #NAME}, contextually named {@code zim <Action>}; low-cardinality keys
 * {@code zim.action}, {@code zim.outcome}, {@code zim.code.class}; high-cardinality keys
 * {@code zim.code}, {@code zim.request.id} (of the last answer) and {@code zim.attempts}.
 *
 * <p>A meter handler (Spring Boot registers one) also makes a timer of this name; the
 * {@code zim.client.*} meters of {@link ZimMetrics} do not depend on it.
 */
public class DefaultZimObservationConvention implements ZimObservationConvention {
  /** The observation's name. */
  public static final String NAME = "zim.call";
  static final DefaultZimObservationConvention INSTANCE = new DefaultZimObservationConvention();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(ZimCallContext context) {
    return "zim " + context.call().action();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(ZimCallContext context) {
    ZimOutcome outcome = context.result().map(ZimCallResult::outcome).orElse(null);
    return KeyValues.of(
        "zim.action", context.call().action(),
        "zim.outcome", outcome == null ? "unfinished" : outcome.id(),
        "zim.code.class", context.result().map(ZimCallResult::codeClass).orElse(ZimCodeClass.NONE));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(ZimCallContext context) {
    KeyValues values = KeyValues.of("zim.attempts",
        Integer.toString(context.result().map(ZimCallResult::attempts).orElse(0)));
    ZimAttemptResult last = context.lastAttempt().orElse(null);
    if (last != null && last.zimCode().isPresent()) {
      values = values.and("zim.code", Integer.toString(last.zimCode().getAsInt()));
    }
    if (last != null && last.requestId().isPresent()) {
      values = values.and("zim.request.id", last.requestId().get());
    }
    return values;
  }
}
