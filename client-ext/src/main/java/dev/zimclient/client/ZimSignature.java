package dev.zimclient.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ZIM's signature: {@code md5(AppId + SignatureNonce + ServerSecret + Timestamp)}, decimal AppId
 * and seconds, UTF-8, as 32 lowercase hex characters.
 */
public final class ZimSignature {
  private static final HexFormat HEX = HexFormat.of();
  // Cloning a prototype skips the provider lookup of MessageDigest.getInstance on every call.
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(ZimSignature::newMd5);

  private ZimSignature() {}

  /** Computes the signature of one request. */
  public static String compute(long appId, String signatureNonce, String serverSecret, long timestampSeconds) {
    return compute(appId, signatureNonce, serverSecret.getBytes(StandardCharsets.UTF_8), timestampSeconds);
  }

  static String compute(long appId, String signatureNonce, byte[] serverSecretUtf8, long timestampSeconds) {
    MessageDigest md5 = MD5.get();
    md5.reset();
    md5.update(Long.toString(appId).getBytes(StandardCharsets.US_ASCII));
    md5.update(signatureNonce.getBytes(StandardCharsets.UTF_8));
    md5.update(serverSecretUtf8);
    md5.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
    return HEX.formatHex(md5.digest());
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
