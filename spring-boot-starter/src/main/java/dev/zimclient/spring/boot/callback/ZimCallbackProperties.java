package dev.zimclient.spring.boot.callback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code zim.callback.*} properties of the callback verifier; setting {@code zim.callback.secret}
 * turns it on, independently of the client.
 */
@ConfigurationProperties(prefix = "zim.callback")
public class ZimCallbackProperties {
  /** The callback secret from the ZEGO console; never logged or shown. Setting it turns the verifier on. */
  private String secret;

  /** Accept only callbacks of this AppId; any when unset. */
  private Long appId;

  /** How far a callback's timestamp may be from this server's clock, either way. */
  private Duration timestampWindow = Duration.ofMinutes(10);

  /** The largest callback body accepted, in bytes. */
  private int maxBodyBytes = 1024 * 1024;

  /**
   * Accept each timestamp and nonce once within the window (the signature does not cover the body).
   * Remembered in memory unless the application has a {@code ZimCallbackNonceStore} bean, which
   * instances behind a load balancer must share.
   */
  private boolean replayProtection;

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public Long getAppId() {
    return appId;
  }

  public void setAppId(Long appId) {
    this.appId = appId;
  }

  public Duration getTimestampWindow() {
    return timestampWindow;
  }

  public void setTimestampWindow(Duration timestampWindow) {
    this.timestampWindow = timestampWindow;
  }

  public int getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public boolean isReplayProtection() {
    return replayProtection;
  }

  public void setReplayProtection(boolean replayProtection) {
    this.replayProtection = replayProtection;
  }

  @Override
  public String toString() {
    return "ZimCallbackProperties{appId=" + appId + ", secret=" + (secret == null ? "unset" : "<redacted>")
        + ", timestampWindow=" + timestampWindow + ", replayProtection=" + replayProtection + "}";
  }
}
