package dev.zimclient.client.internal.limit;

import java.util.List;

/**
 * Every rate-limit window of one action: usually one, sometimes more (1 a second and 100 a day),
 * each kept for the whole app or per key (a room, a group), and each taking one permit per call or
 * one per item of a named argument.
 */
public record ActionPacing(List<Window> windows) {
  /** One window's limiters and what a call costs in it. */
  public record Window(ScopedLimiter limiters, String costParameter) {
    /** Whether a call costs one permit per item of an argument rather than one. */
    public boolean countsItems() {
      return !costParameter.isEmpty();
    }
  }

  public ActionPacing {
    windows = List.copyOf(windows);
  }
}
