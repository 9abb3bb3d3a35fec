package dev.zimclient.cli;

/** Whether progress may redraw one line in place. */
record Terminal(boolean interactive) {
  static Terminal detect() {
    return new Terminal(System.console() != null && System.getenv("CI") == null);
  }
}
