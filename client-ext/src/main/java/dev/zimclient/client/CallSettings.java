package dev.zimclient.client;

import java.time.Duration;

/** The per-call policy every action shares: deadline, attempts, backoff and permit wait. */
record CallSettings(
    Duration deadline,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter,
    Duration throttledBackoff,
    Duration maxRateLimitWait) {}
