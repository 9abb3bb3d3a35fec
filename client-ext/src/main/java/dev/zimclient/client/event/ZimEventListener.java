package dev.zimclient.client.event;

import java.time.Duration;

/**
 * Listens to the calls a {@code ZimClient} makes: for metrics, tracing and logs of your own. Add
 * one with {@code ZimClientBuilder.addEventListener(...)}, or a {@link Factory} with
 * {@code addEventListenerFactory(...)} for a listener per call that may keep state between events
 * (a timer sample, a span).
 *
 * <h2>Events</h2>
 *
 * <p>Every call produces {@link #callStart} first and {@link #callEnd} last, exactly once each,
 * whatever happens in between. Each attempt (a call is tried again after retryable failures)
 * produces, in order:
 *
 * <pre>
 * callStart
 *   attemptStart(1) ─ permitWaitEnd(1) ─ attemptEnd(1)
 *   attemptStart(2) ─ permitWaitEnd(2) ─ attemptEnd(2)      (after a backoff)
 *   ...
 * callEnd
 * </pre>
 *
 * <ul>
 *   <li>A call whose arguments break the spec never starts: the generated method throws
 *       {@code ZimInvalidParameterException} before the call exists, and listeners hear nothing
 *       of it. Nothing was sent.
 *   <li>{@code permitWaitEnd} tells how long the attempt waited for a rate-limit permit and
 *       whether it got one. Without one ({@link ZimOutcome#RATE_LIMITED},
 *       {@link ZimOutcome#DEADLINE_EXCEEDED}) {@code attemptEnd} follows with nothing sent.
 *   <li>{@code attemptEnd} carries the HTTP status, the ZIM {@code Code}, the server's
 *       {@code RequestId} and the time on the wire, each when there was one.
 *   <li>{@code callEnd} carries the outcome of the whole call: what the caller got.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>Events run on the thread that reached them: the caller's for blocking calls, OkHttp's or the
 * client's scheduler for async ones. The events of one call never overlap and each happens-before
 * the next, so a per-call listener needs no locking; a listener shared by all calls is called
 * concurrently and must be thread-safe.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Be quick: a listener runs inside the call, before its caller sees the result. Hand slow
 *       work to another thread.
 *   <li>Do not block, and do not call the client from a listener.
 *   <li>An exception a listener throws is logged and ignored; the call goes on as if the listener
 *       had returned.
 *   <li>Events carry no secret: no signature, nonce or ServerSecret ever reaches a listener.
 * </ul>
 *
 * <p>All methods do nothing by default; later versions may add events as default methods.
 */
public interface ZimEventListener {

  /** A call of a generated method began; its arguments were checked already. */
  default void callStart(ZimCall call) {}

  /**
   * An attempt began: it waits for a permit next.
   *
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   */
  default void attemptStart(ZimCall call, int attempt) {}

  /**
   * The attempt's wait for a rate-limit permit ended.
   *
   * @param waited how long it waited, zero when a permit was at hand or none could be had
   * @param granted whether the attempt may send its request; if not, nothing is sent
   */
  default void permitWaitEnd(ZimCall call, int attempt, Duration waited, boolean granted) {}

  /** The attempt ended: answered, failed on the wire, or refused a permit. */
  default void attemptEnd(ZimCall call, ZimAttemptResult result) {}

  /** The call ended with what its caller gets: a record or an exception. */
  default void callEnd(ZimCall call, ZimCallResult result) {}

  /** Makes a listener for each call, so that it may keep the call's state between events. */
  @FunctionalInterface
  interface Factory {
    /**
     * Called once per call, on the caller's thread, before {@link #callStart}.
     *
     * @return the call's listener; {@link #NONE} to ignore the call
     */
    ZimEventListener create(ZimCall call);
  }

  /** A listener that ignores everything. */
  ZimEventListener NONE = new ZimEventListener() {};
}
