package dev.zimclient.client;

import java.nio.charset.StandardCharsets;

/** Lowercase hex of nonces and digests, written straight into the string's bytes. */
final class LowerHex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private LowerHex() {}

  static String of(byte[] bytes) {
    byte[] out = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    // Latin-1 strings keep one byte per character: this copies once, with no encoder pass.
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
