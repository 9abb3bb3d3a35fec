package dev.zimclient.client.internal.call;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One call the client is running, as closing the client sees it: the OkHttp call it has on the
 * wire, to cancel, and what ends the call for its caller; and the events its listeners are told.
 */
final class PendingCall {
  private final AtomicReference<okhttp3.Call> onTheWire = new AtomicReference<>();
  private final CallEvents events;
  private volatile Runnable onAbandon = () -> { };
  private volatile boolean abandoned;

  PendingCall(CallEvents events) {
    this.events = events;
  }

  /** What the call's listeners are told through. */
  CallEvents events() {
    return events;
  }

  /** Sets what ends the call for its caller when it is abandoned. */
  void onAbandon(Runnable action) {
    this.onAbandon = action;
  }

  /** Records the attempt now on the wire; cancels it at once if the call was already abandoned. */
  void sending(okhttp3.Call http) {
    onTheWire.set(http);
    if (abandoned) {
      http.cancel();
    }
  }

  boolean isAbandoned() {
    return abandoned;
  }

  /** Ends the call for its caller and cancels what it has on the wire. */
  void abandon() {
    abandoned = true;
    onAbandon.run();
    okhttp3.Call http = onTheWire.get();
    if (http != null) {
      http.cancel();
    }
  }
}
