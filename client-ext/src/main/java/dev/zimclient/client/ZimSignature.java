package dev.zimclient.client;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * ZIM's signature: {@code md5(AppId + SignatureNonce + ServerSecret + Timestamp)}, decimal AppId
 * and seconds, UTF-8, as 32 lowercase hex characters.
 */
public final class ZimSignature {
  private static final int DIGEST_BYTES = 16;
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private ZimSignature() {}

  /** Computes the signature of one request. */
  public static String compute(long appId, String signatureNonce, String serverSecret, long timestampSeconds) {
    return compute(ascii(appId), signatureNonce, serverSecret.getBytes(StandardCharsets.UTF_8), timestampSeconds);
  }

  /** The same, with the AppId's decimal digits and the secret encoded once by the caller. */
  static String compute(byte[] appIdAscii, String signatureNonce, byte[] serverSecretUtf8, long timestampSeconds) {
    Workspace workspace = WORKSPACE.get();
    MessageDigest md5 = workspace.md5;
    byte[] bytes = workspace.bytes;
    md5.reset();
    md5.update(appIdAscii);
    if (isShortAscii(signatureNonce, bytes.length)) {
      for (int i = 0; i < signatureNonce.length(); i++) {
        bytes[i] = (byte) signatureNonce.charAt(i);
      }
      md5.update(bytes, 0, signatureNonce.length());
    } else {
      md5.update(signatureNonce.getBytes(StandardCharsets.UTF_8));
    }
    md5.update(serverSecretUtf8);
    if (timestampSeconds >= 0) {
      int start = writeDecimal(timestampSeconds, bytes);
      md5.update(bytes, start, bytes.length - start);
    } else {
      md5.update(ascii(timestampSeconds));
    }
    try {
      md5.digest(bytes, 0, DIGEST_BYTES);
    } catch (DigestException e) {
      throw new IllegalStateException("MD5 digests are 16 bytes", e);
    }
    return LowerHex.of(bytes, 0, DIGEST_BYTES, bytes, DIGEST_BYTES);
  }

  static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean isShortAscii(String text, int max) {
    if (text.length() > max) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Writes the digits at the end of {@code bytes}; returns where they start. */
  private static int writeDecimal(long value, byte[] bytes) {
    int at = bytes.length;
    do {
      bytes[--at] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    return at;
  }

  /**
   * One thread's MD5, made once since getInstance looks the provider up on every call, and room
   * for the digest's input pieces, its output and their hex.
   */
  private static final class Workspace {
    final MessageDigest md5 = newMd5();
    final byte[] bytes = new byte[64];
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
