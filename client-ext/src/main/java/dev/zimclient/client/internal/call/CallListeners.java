package dev.zimclient.client.internal.call;

import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimEventListener;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The event listener factories of one client: each call gets its listeners from them. */
public final class CallListeners {
  private static final Logger log = LoggerFactory.getLogger(CallListeners.class);

  private final long appId;
  private final List<ZimEventListener.Factory> factories;

  public CallListeners(long appId, List<ZimEventListener.Factory> factories) {
    this.appId = appId;
    this.factories = List.copyOf(factories);
  }

  /** The events of a new call, its {@code callStart} told; a no-op when no listener was added. */
  CallEvents start(String action, boolean idempotent, boolean async) {
    if (factories.isEmpty()) {
      return CallEvents.NONE;
    }
    ZimCall call = ZimCall.builder().action(action).appId(appId).idempotent(idempotent).async(async).build();
    List<ZimEventListener> listeners = new ArrayList<>(factories.size());
    for (ZimEventListener.Factory factory : factories) {
      try {
        ZimEventListener listener = factory.create(call);
        if (listener != null && listener != ZimEventListener.NONE) {
          listeners.add(listener);
        }
      } catch (RuntimeException e) {
        // Like a listener's own failure: the call goes on without it.
        log.warn("Event listener factory failed for {}", action, e);
      }
    }
    CallEvents events = listeners.isEmpty() ? CallEvents.NONE : new CallEvents(call, listeners);
    events.callStart();
    return events;
  }
}
