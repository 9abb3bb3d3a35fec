package dev.zimclient.client.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ZIM's request signature: {@code md5(AppId + SignatureNonce + ServerSecret + Timestamp)} over the
 * decimal AppId and seconds, UTF-8, as 32 lowercase hex characters.
 */
public final class ZimSignature {
  private ZimSignature() {}

  /** Computes the signature of one request. */
  public static String compute(long appId, String signatureNonce, String serverSecret, long timestampSeconds) {
    String input = appId + signatureNonce + serverSecret + timestampSeconds;
    return HexFormat.of().formatHex(md5().digest(input.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
