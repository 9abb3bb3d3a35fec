package dev.zimclient.simulator.http;

/**
 * Answers requests; runs on the connection's thread, so it may take its time (the next request
 * on that connection waits, as HTTP/1.1 without pipelining does anyway).
 */
@FunctionalInterface
public interface RequestHandler {

  /**
   * The response to {@code request}.
   *
   * @throws InterruptedException when the server closes meanwhile: the connection is dropped
   */
  RawResponse handle(RawRequest request) throws InterruptedException;
}
