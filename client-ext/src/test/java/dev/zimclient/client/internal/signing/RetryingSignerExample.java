package dev.zimclient.client.internal.signing;

import dev.failsafe.RetryPolicy;

/** A stand-in for signing code that knows of retries, which the layering rules must refuse. */
final class RetryingSignerExample {
  RetryPolicy<Object> policy() {
    return RetryPolicy.ofDefaults();
  }
}
