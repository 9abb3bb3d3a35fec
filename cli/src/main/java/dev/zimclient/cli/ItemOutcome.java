package dev.zimclient.cli;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.error.ZimOutcomeUnknownException;
import java.util.Locale;

/**
 * What happened to one item of a bulk run. {@code code} is null when no answer came from the
 * server; {@code response} is the answer's record when the item was done.
 */
record ItemOutcome(String key, Integer code, String message, String requestId, Outcome outcome, Object response) {
  enum Outcome {
    /** The server answered Code 0. */
    DONE,
    /** The server answered another code, or the request failed on the way. */
    FAILED,
    /** The key breaks the spec's constraints; nothing was sent. */
    INVALID,
    /** The request may or may not have acted, and the action must not run twice. */
    UNKNOWN;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Outcome of(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  static ItemOutcome done(String key, Object response) {
    dev.zimclient.generated.ZimEnvelope envelope = (dev.zimclient.generated.ZimEnvelope) response;
    return new ItemOutcome(key, envelope.code(), envelope.message(), envelope.requestId(), Outcome.DONE, response);
  }

  static ItemOutcome failed(String key, Throwable failure, boolean verbose) {
    if (failure instanceof ZimApiException api) {
      return new ItemOutcome(key, api.code(), api.getMessage(), api.requestId(), Outcome.FAILED, null);
    }
    String message = Failures.describe(failure, verbose);
    if (failure instanceof IllegalArgumentException || failure instanceof ConfigurationException) {
      return new ItemOutcome(key, null, message, null, Outcome.INVALID, null);
    }
    if (failure instanceof ZimOutcomeUnknownException) {
      return new ItemOutcome(key, null, message, null, Outcome.UNKNOWN, null);
    }
    return new ItemOutcome(key, null, message, null, Outcome.FAILED, null);
  }

  static ItemOutcome unknown(String key, String message) {
    return new ItemOutcome(key, null, message, null, Outcome.UNKNOWN, null);
  }

  boolean succeeded() {
    return outcome == Outcome.DONE;
  }
}
