package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ReturnCodeCatalog;

/**
 * Makes a built-in action's handler once the simulator knows its spec, looking up the codes it
 * answers by name then, so that a spec missing one fails at start rather than mid-test.
 */
@FunctionalInterface
interface HandlerFactory {

  /**
   * @throws IllegalStateException when the catalogue lacks a code the handler answers
   */
  ActionHandler create(ReturnCodeCatalog catalog);
}
