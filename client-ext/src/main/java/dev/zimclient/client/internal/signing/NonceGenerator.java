package dev.zimclient.client.internal.signing;

import java.security.SecureRandom;
import java.util.HexFormat;

/** SignatureNonce values: 8 bytes from a {@link SecureRandom} as 16 lowercase hex characters. */
final class NonceGenerator {
  private final SecureRandom random = new SecureRandom();

  String next() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
