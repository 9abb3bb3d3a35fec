package dev.zimclient.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** Unique numeric request IDs shaped like the gateway's (18 digits). */
final class RequestIds {

  private final AtomicLong next;

  RequestIds(long epochSecond) {
    this.next = new AtomicLong(100_000_000_000_000_000L + (epochSecond % 1_000_000_000L) * 1_000_000L);
  }

  String next() {
    return Long.toString(next.incrementAndGet());
  }
}
