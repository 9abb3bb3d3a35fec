package dev.zimclient.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ZIM request signature: {@code md5(AppId + SignatureNonce + ServerSecret + Timestamp)} over
 * the plain UTF-8 concatenation of the decimal AppId, the nonce, the secret and the decimal
 * seconds, as 32 lowercase hex characters.
 */
public final class ZimSignature {

  private static final HexFormat HEX = HexFormat.of();

  private ZimSignature() {}

  /** The signature a client must send for these inputs. */
  public static String sign(long appId, String nonce, String serverSecret, long timestampSeconds) {
    String input = Long.toString(appId) + nonce + serverSecret + timestampSeconds;
    return HEX.formatHex(md5(input.getBytes(StandardCharsets.UTF_8)));
  }

  /** Compares in constant time, so that response timing tells nothing about the expected value. */
  static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] md5(byte[] input) {
    try {
      return MessageDigest.getInstance("MD5").digest(input);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5.
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
