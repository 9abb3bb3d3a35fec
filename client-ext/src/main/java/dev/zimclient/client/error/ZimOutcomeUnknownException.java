package dev.zimclient.client.error;

/**
 * A call of an action that must not run twice (creating, sending, importing) failed after its
 * request may have reached the server: it may or may not have taken effect, and the client did
 * not send it again. Check the state (e.g. query the room) before deciding to repeat it. The cause
 * is the failure of the attempt that was cut off.
 */
public final class ZimOutcomeUnknownException extends ZimException {
  private static final long serialVersionUID = 1L;

  public ZimOutcomeUnknownException(String action, ZimException cause) {
    super(action, action + ": outcome unknown, the request may have reached the server and was not sent again: "
        + cause.getMessage(), false, cause);
  }
}
