package dev.zimclient.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random credentials for a simulator run without given ones (the command line, the JUnit
 * extension): the one place that makes them, so that they all look like the console's.
 */
public final class GeneratedCredentials {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SECRET_BYTES = 16;

  private GeneratedCredentials() {}

  /** A random AppId, 1..4294967295 (an unsigned 32-bit number, as the console issues). */
  public static long appId() {
    return RANDOM.longs(1, 1, AppCredentials.MAX_APP_ID + 1).findFirst().orElseThrow();
  }

  /** A random ServerSecret: 16 bytes as 32 lowercase hex characters, the console's form. */
  public static String serverSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
