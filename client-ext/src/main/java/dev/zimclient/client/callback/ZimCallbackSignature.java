package dev.zimclient.client.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * ZEGO's callback signature: the callback secret, the {@code timestamp} and the {@code nonce}, as
 * the strings the body carries, sorted and concatenated, then sha1 as 40 lowercase hex characters.
 * It covers neither the event nor any other field of the body.
 */
public final class ZimCallbackSignature {
  private ZimCallbackSignature() {}

  /** The signature ZEGO sends with a callback of this {@code timestamp} and {@code nonce}. */
  public static String compute(String callbackSecret, String timestamp, String nonce) {
    byte[][] parts = {utf8(callbackSecret), utf8(timestamp), utf8(nonce)};
    // Sorted by UTF-8 bytes, i.e. by code point, as a byte-wise string sort does; for the ASCII
    // that ZEGO's secrets, digits and nonces are made of, this is plain dictionary order.
    Arrays.sort(parts, Arrays::compareUnsigned);
    MessageDigest sha1 = sha1();
    for (byte[] part : parts) {
      sha1.update(part);
    }
    return HexFormat.of().formatHex(sha1.digest());
  }

  /**
   * Whether {@code signature} is the one of these inputs, in lowercase or uppercase hex. Compares
   * in constant time, so the time of a refusal tells nothing about how much of a guess was right.
   */
  public static boolean matches(String callbackSecret, String timestamp, String nonce, String signature) {
    if (signature == null) {
      return false;
    }
    byte[] expected = compute(callbackSecret, timestamp, nonce).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  private static byte[] utf8(String value) {
    if (value == null) {
      throw new NullPointerException("callback secret, timestamp and nonce are required");
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
  }
}
