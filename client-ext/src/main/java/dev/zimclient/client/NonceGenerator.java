package dev.zimclient.client;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * SignatureNonce values: 8 bytes from a {@link SecureRandom} as 16 lowercase hex characters.
 *
 * <p>Each thread draws from its own generator: the platform default reads the OS source under
 * one lock shared by the whole JVM, which every call would otherwise take.
 */
final class NonceGenerator {
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(NonceGenerator::newRandom);

  String next() {
    byte[] bytes = new byte[8];
    RANDOM.get().nextBytes(bytes);
    return LowerHex.of(bytes);
  }

  /** A pure-Java generator, seeded once from the OS source; the platform default where it lacks one. */
  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
