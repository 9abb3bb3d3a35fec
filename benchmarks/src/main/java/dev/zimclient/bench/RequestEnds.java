package dev.zimclient.bench;

/**
 * Finds the ends of bodiless HTTP/1.1 requests ({@code \r\n\r\n}) in a byte stream, across reads,
 * without allocating.
 */
final class RequestEnds {
  private int matched;

  /** Returns how many requests end within {@code bytes[offset, offset + length)}. */
  int scan(byte[] bytes, int offset, int length) {
    int ends = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      boolean expected = (matched & 1) == 0 ? b == '\r' : b == '\n';
      if (expected) {
        if (++matched == 4) {
          ends++;
          matched = 0;
        }
      } else {
        matched = b == '\r' ? 1 : 0;
      }
    }
    return ends;
  }
}
