package dev.zimclient.simulator.http;

/**
 * Answers requests. Runs on one of the server's threads; it should not block, and need not: an
 * answer that must wait says so with {@link RawResponse#delayNanos()}.
 */
@FunctionalInterface
public interface RequestHandler {

  /** The response to {@code request}. A runtime exception is answered with HTTP 500. */
  RawResponse handle(RawRequest request);
}
