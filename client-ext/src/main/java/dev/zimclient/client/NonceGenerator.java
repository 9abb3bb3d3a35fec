package dev.zimclient.client;

import java.security.SecureRandom;
import java.util.HexFormat;

/** SignatureNonce values: 8 bytes from {@link SecureRandom} as 16 lowercase hex characters. */
final class NonceGenerator {
  private static final HexFormat HEX = HexFormat.of();
  private final SecureRandom random = new SecureRandom();

  String next() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }
}
