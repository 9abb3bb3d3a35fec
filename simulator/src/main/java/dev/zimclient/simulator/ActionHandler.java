package dev.zimclient.simulator;

/**
 * Serves one action after the gateway has accepted the request (authenticated, within its rate
 * limit, parameters conforming to the spec). Called from several threads at once, on the HTTP
 * server's network threads: return promptly and do not block, as a handler that sleeps holds up
 * other connections. Slow answers come from the latency knob, which waits on a timer.
 */
@FunctionalInterface
public interface ActionHandler {

  /** The answer to a valid request. */
  ActionResult handle(ActionRequest request);
}
