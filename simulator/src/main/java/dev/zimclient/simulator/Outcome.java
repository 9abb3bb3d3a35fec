package dev.zimclient.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway answers: code, message and the fields beside the envelope. */
record Outcome(int code, String message, Map<String, Object> fields) {

  Outcome {
    // Not Map.copyOf: spec examples may hold JSON nulls, and field order should survive.
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  static Outcome of(int code, String message) {
    return new Outcome(code, message, Map.of());
  }
}
