package dev.zimclient.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and keys of the observation of a call; {@link DefaultZimObservationConvention} by default. */
public interface ZimObservationConvention extends ObservationConvention<ZimCallContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof ZimCallContext;
  }
}
