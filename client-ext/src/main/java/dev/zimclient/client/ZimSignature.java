package dev.zimclient.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * ZIM's signature: {@code md5(AppId + SignatureNonce + ServerSecret + Timestamp)}, decimal AppId
 * and seconds, UTF-8, as 32 lowercase hex characters.
 */
public final class ZimSignature {
  // Cloning a prototype skips the provider lookup of MessageDigest.getInstance on every call.
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(ZimSignature::newMd5);

  private ZimSignature() {}

  /** Computes the signature of one request. */
  public static String compute(long appId, String signatureNonce, String serverSecret, long timestampSeconds) {
    return compute(ascii(appId), signatureNonce, serverSecret.getBytes(StandardCharsets.UTF_8), timestampSeconds);
  }

  /** The same, with the AppId's decimal digits and the secret encoded once by the caller. */
  static String compute(byte[] appIdAscii, String signatureNonce, byte[] serverSecretUtf8, long timestampSeconds) {
    MessageDigest md5 = MD5.get();
    md5.reset();
    md5.update(appIdAscii);
    md5.update(signatureNonce.getBytes(StandardCharsets.UTF_8));
    md5.update(serverSecretUtf8);
    md5.update(ascii(timestampSeconds));
    return LowerHex.of(md5.digest());
  }

  static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
