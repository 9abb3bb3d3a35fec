package dev.zimclient.client;

import java.nio.charset.StandardCharsets;

/** AppId and ServerSecret. The secret never leaves this object except into the signature. */
final class ZimCredentials {
  private final long appId;
  private final String appIdText;
  private final byte[] appIdAscii;
  private final byte[] serverSecretUtf8;

  ZimCredentials(long appId, String serverSecret) {
    this.appId = appId;
    this.appIdText = Long.toString(appId);
    this.appIdAscii = ZimSignature.ascii(appId);
    this.serverSecretUtf8 = serverSecret.getBytes(StandardCharsets.UTF_8);
  }

  long appId() {
    return appId;
  }

  String appIdText() {
    return appIdText;
  }

  String sign(String nonce, long timestampSeconds) {
    return ZimSignature.compute(appIdAscii, nonce, serverSecretUtf8, timestampSeconds);
  }

  @Override
  public String toString() {
    return "ZimCredentials{appId=" + appId + ", serverSecret=<redacted>}";
  }
}
