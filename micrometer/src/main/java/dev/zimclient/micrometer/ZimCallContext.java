package dev.zimclient.micrometer;

import dev.zimclient.client.event.ZimAttemptResult;
import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimCallResult;
import io.micrometer.observation.Observation;
import java.util.Optional;

/** What an observation of one call knows: the call, its last attempt and, at the end, its result. */
public final class ZimCallContext extends Observation.Context {
  private final ZimCall call;
  private volatile ZimAttemptResult lastAttempt;
  private volatile ZimCallResult result;

  ZimCallContext(ZimCall call) {
    this.call = call;
  }

  public ZimCall call() {
    return call;
  }

  /** The last attempt that ended, if any. */
  public Optional<ZimAttemptResult> lastAttempt() {
    return Optional.ofNullable(lastAttempt);
  }

  /** The call's result, once it ended. */
  public Optional<ZimCallResult> result() {
    return Optional.ofNullable(result);
  }

  void lastAttempt(ZimAttemptResult attempt) {
    this.lastAttempt = attempt;
  }

  void result(ZimCallResult result) {
    this.result = result;
  }
}
