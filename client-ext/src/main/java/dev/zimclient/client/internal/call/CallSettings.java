package dev.zimclient.client.internal.call;

import java.time.Duration;

/** The per-call policy every action shares: deadline, attempts, backoff and permit wait. */
public record CallSettings(
    Duration deadline,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter,
    Duration throttledBackoff,
    Duration maxRateLimitWait) {}
