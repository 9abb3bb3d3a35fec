package dev.zimclient.client;

import dev.zimclient.generated.ZimEnvelope;
import java.util.concurrent.CompletableFuture;

/**
 * One valid call of any action of the spec through its generated methods, with the arguments
 * {@link SpecCalls} builds from the spec; for tests that run every action.
 */
final class ActionCalls {
  private ActionCalls() {}

  /** Calls the action's blocking method on an interface the client creates. */
  static ZimEnvelope blocking(ZimClient client, String action) {
    SpecCalls.ActionMethods methods = SpecCalls.methods(action);
    return (ZimEnvelope) SpecCalls.invoke(client.create(methods.api()), methods.blocking(),
        SpecCalls.validArguments(action));
  }

  /** Calls the action's {@code Async} twin on an interface the client creates. */
  static CompletableFuture<?> async(ZimClient client, String action) {
    SpecCalls.ActionMethods methods = SpecCalls.methods(action);
    return (CompletableFuture<?>) SpecCalls.invoke(client.create(methods.api()), methods.async(),
        SpecCalls.validArguments(action));
  }
}
