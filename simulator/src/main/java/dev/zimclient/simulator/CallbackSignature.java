package dev.zimclient.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The signature ZEGO puts on a callback: sha1 of the callback secret, the timestamp and the nonce,
 * as strings sorted by their UTF-8 bytes and concatenated, as 40 lowercase hex characters. Kept
 * here, apart from the client's verifier, so that the simulator checks the verifier rather than
 * sharing its code.
 */
public final class CallbackSignature {

  private CallbackSignature() {}

  /** The signature of a callback with this {@code timestamp} and {@code nonce}, as sent. */
  public static String sign(String callbackSecret, String timestamp, String nonce) {
    byte[][] parts = {
      callbackSecret.getBytes(StandardCharsets.UTF_8),
      timestamp.getBytes(StandardCharsets.UTF_8),
      nonce.getBytes(StandardCharsets.UTF_8)
    };
    Arrays.sort(parts, Arrays::compareUnsigned);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      for (byte[] part : parts) {
        sha1.update(part);
      }
      return HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-1.
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
