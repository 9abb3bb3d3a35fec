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
  private static final ThreadLocal<Source> SOURCE = ThreadLocal.withInitial(Source::new);

  String next() {
    Source source = SOURCE.get();
    source.random.nextBytes(source.bytes);
    return LowerHex.of(source.bytes, 0, source.bytes.length, source.hex, 0);
  }

  /** One thread's generator and the room its nonces are made in. */
  private static final class Source {
    final SecureRandom random = newRandom();
    final byte[] bytes = new byte[8];
    final byte[] hex = new byte[16];
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
