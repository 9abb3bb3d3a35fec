package dev.zimclient.simulator;

/**
 * Serves one action after the gateway has accepted the request (authenticated, within its rate
 * limit, parameters conforming to the spec). Called from several threads at once.
 */
@FunctionalInterface
public interface ActionHandler {

  /** The answer to a valid request. */
  ActionResult handle(ActionRequest request);
}
