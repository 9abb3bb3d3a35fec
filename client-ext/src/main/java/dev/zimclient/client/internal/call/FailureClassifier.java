package dev.zimclient.client.internal.call;

import dev.zimclient.client.error.ZimDeadlineExceededException;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.error.ZimOutcomeUnknownException;
import dev.zimclient.client.error.ZimProtocolException;
import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.internal.limit.PermitGate;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Names what went wrong with an attempt that got no answer, as the typed exception callers see. */
final class FailureClassifier {
  private final String action;
  private final boolean idempotent;
  private final CallSettings settings;

  FailureClassifier(String action, boolean idempotent, CallSettings settings) {
    this.action = action;
    this.idempotent = idempotent;
    this.settings = settings;
  }

  /** An attempt failed on the wire: refused, reset, timed out, or cancelled by close(). */
  ZimException transport(IOException e, Attempt attempt, PendingCall pending) {
    if (pending.isAbandoned()) {
      return closed(e);
    }
    ZimTransportException failure = new ZimTransportException(action, e.toString(), !isCertificateFailure(e), e);
    if (!idempotent && !surelyNotSent(e)) {
      return new ZimOutcomeUnknownException(action, failure);
    }
    if (attempt.remainingNanos() <= 0) {
      // The call's own timeout cut this attempt: that is the deadline, even with no retry left.
      return new ZimDeadlineExceededException(action, settings.deadline(), attempt.previous() + 1, failure);
    }
    return failure;
  }

  /**
   * A response arrived but says nothing of whether the action ran (a gateway's 5xx page, a body
   * cut off): for an action that must not run twice, the outcome is unknown.
   */
  ZimException answered(ZimException failure) {
    boolean saysNothing = failure instanceof ZimTransportException
        || failure instanceof ZimProtocolException && failure.isRetryable();
    return !idempotent && saysNothing ? new ZimOutcomeUnknownException(action, failure) : failure;
  }

  /** No permit was granted to this attempt. */
  ZimException refused(PermitGate.Outcome outcome, Attempt attempt) {
    return switch (outcome) {
      case NO_PERMIT_IN_TIME -> new ZimRateLimitExceededException(action, settings.maxRateLimitWait());
      case DEADLINE -> deadline(attempt);
      case ABANDONED -> closed(null);
      case GRANTED -> throw new IllegalArgumentException("a granted permit is no refusal");
    };
  }

  ZimDeadlineExceededException deadline(Attempt attempt) {
    return new ZimDeadlineExceededException(action, settings.deadline(), attempt.previous(), attempt.lastFailure());
  }

  ZimTransportException closed(Throwable cause) {
    return new ZimTransportException(action, "the client was closed before the call ended", false, cause);
  }

  ZimTransportException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return new ZimTransportException(action, "interrupted while waiting for a rate-limit permit", false, e);
  }

  /** The connection or its TLS handshake failed: no byte of the request reached the server. */
  private static boolean surelyNotSent(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof SSLHandshakeException
        || e instanceof SSLPeerUnverifiedException
        || e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("connect timed out");
  }

  /** A certificate or host name that the TLS settings reject is rejected again on every attempt. */
  private static boolean isCertificateFailure(IOException e) {
    return e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException;
  }
}
