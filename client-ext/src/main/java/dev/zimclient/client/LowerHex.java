package dev.zimclient.client;

import java.nio.charset.StandardCharsets;

/** Lowercase hex of nonces and digests, written straight into the string's bytes. */
final class LowerHex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private LowerHex() {}

  /**
   * The hex of {@code length} bytes from {@code offset}, written into {@code out} from
   * {@code outOffset} (which may be the same array, past the input) and returned as a string.
   */
  static String of(byte[] bytes, int offset, int length, byte[] out, int outOffset) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[offset + i];
      out[outOffset + 2 * i] = DIGITS[(b >> 4) & 0xf];
      out[outOffset + 2 * i + 1] = DIGITS[b & 0xf];
    }
    // Latin-1 strings keep one byte per character: this copies once, with no encoder pass.
    return new String(out, outOffset, 2 * length, StandardCharsets.ISO_8859_1);
  }
}
