package dev.zimclient.client.internal.signing;

import dev.zimclient.client.signing.ZimSignature;

/** AppId and ServerSecret. The secret never leaves this object except into the signature. */
final class ZimCredentials {
  private final long appId;
  private final String serverSecret;

  ZimCredentials(long appId, String serverSecret) {
    this.appId = appId;
    this.serverSecret = serverSecret;
  }

  String appIdText() {
    return Long.toString(appId);
  }

  String sign(String nonce, long timestampSeconds) {
    return ZimSignature.compute(appId, nonce, serverSecret, timestampSeconds);
  }

  @Override
  public String toString() {
    return "ZimCredentials{appId=" + appId + ", serverSecret=<redacted>}";
  }
}
