package dev.zimclient.client.event;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.error.ZimDeadlineExceededException;
import dev.zimclient.client.error.ZimInvalidParameterException;
import dev.zimclient.client.error.ZimOutcomeUnknownException;
import dev.zimclient.client.error.ZimProtocolException;
import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.client.error.ZimTransportException;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * How an attempt or a call ended, in few enough values to tag metrics with. The ZIM code of an
 * answer is classed separately ({@link ZimCodeClass}).
 */
public enum ZimOutcome {
  /** The server answered {@code Code 0}. */
  SUCCESS,
  /** The server answered another code ({@code ZimApiException} and its subtypes). */
  API_ERROR,
  /** The response could not be used ({@code ZimProtocolException}). */
  PROTOCOL_ERROR,
  /** No answer: connection refused or reset, timeout, closed client ({@code ZimTransportException}). */
  TRANSPORT_ERROR,
  /** An action that must not run twice may have run ({@code ZimOutcomeUnknownException}). */
  OUTCOME_UNKNOWN,
  /** No rate-limit permit in time; nothing was sent ({@code ZimRateLimitExceededException}). */
  RATE_LIMITED,
  /** The call's deadline passed ({@code ZimDeadlineExceededException}). */
  DEADLINE_EXCEEDED,
  /**
   * An argument broke the spec; nothing was sent ({@code ZimInvalidParameterException}). Such a
   * call never starts, so listeners do not see this outcome; {@link #of} classes the exception for
   * callers that class their own failures.
   */
  INVALID_PARAMETER,
  /** The caller cancelled the future of an async call. */
  CANCELLED,
  /** Anything else: a failure the client does not expect. */
  ERROR;

  private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The lower-case spelling for tags and logs, e.g. {@code api-error}. */
  public String id() {
    return id;
  }

  /** The outcome a call or attempt that ended with {@code failure} had; null means success. */
  public static ZimOutcome of(Throwable failure) {
    if (failure == null) {
      return SUCCESS;
    }
    if (failure instanceof ZimApiException) {
      return API_ERROR;
    }
    if (failure instanceof ZimOutcomeUnknownException) {
      return OUTCOME_UNKNOWN;
    }
    if (failure instanceof ZimProtocolException) {
      return PROTOCOL_ERROR;
    }
    if (failure instanceof ZimTransportException) {
      return TRANSPORT_ERROR;
    }
    if (failure instanceof ZimRateLimitExceededException) {
      return RATE_LIMITED;
    }
    if (failure instanceof ZimDeadlineExceededException) {
      return DEADLINE_EXCEEDED;
    }
    if (failure instanceof ZimInvalidParameterException) {
      return INVALID_PARAMETER;
    }
    return failure instanceof CancellationException ? CANCELLED : ERROR;
  }
}
