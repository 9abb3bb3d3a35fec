package dev.zimclient.client.reliability;

/** The ID character set of the spec's RoomId and UserId schemas, and generators over it. */
final class IdProperties {
  static final String ALLOWED =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()+-:;<=.>?@[]^_{}|~, ";
  static final int MAX_BYTES = 32;

  private IdProperties() {}

  static boolean isAllowed(int codePoint) {
    return codePoint < 0x80 && ALLOWED.indexOf(codePoint) >= 0;
  }
}
