package dev.zimclient.client.internal.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The calls a client is running, so that closing it ends every one of them. */
final class CallTracker {
  private final Set<PendingCall> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Tracks a call until {@link #finished}; returns false, tracking nothing, once closed. */
  boolean started(PendingCall call) {
    pending.add(call);
    if (closed) {
      pending.remove(call);
      return false;
    }
    return true;
  }

  void finished(PendingCall call) {
    pending.remove(call);
  }

  boolean isClosed() {
    return closed;
  }

  /** Ends every call still running and refuses new ones. */
  void close() {
    closed = true;
    for (PendingCall call : pending) {
      call.abandon();
    }
    pending.clear();
  }
}
