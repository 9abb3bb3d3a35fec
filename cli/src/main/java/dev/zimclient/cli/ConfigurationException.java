package dev.zimclient.cli;

/** A setting is missing or wrong; reported as one line with exit code 2. */
final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigurationException(String message) {
    super(message);
  }
}
