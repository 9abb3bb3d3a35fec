package dev.zimclient.simulator.http;

/** A request that cannot be parsed; answered with {@link #status()} and the connection closed. */
final class BadRequestException extends Exception {

  private final int status;

  BadRequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
