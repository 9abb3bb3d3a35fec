package dev.zimclient.simulator;

import java.util.Objects;

/** One app the simulator accepts. The secret never appears in {@link #toString()}. */
record AppCredentials(long appId, String serverSecret) {

  static final long MAX_APP_ID = 0xFFFF_FFFFL;

  AppCredentials {
    if (appId < 0 || appId > MAX_APP_ID) {
      throw new IllegalArgumentException("AppId must be an unsigned 32-bit number: " + appId);
    }
    Objects.requireNonNull(serverSecret, "serverSecret");
    if (serverSecret.isEmpty()) {
      throw new IllegalArgumentException("the ServerSecret of AppId " + appId + " is empty");
    }
  }

  @Override
  public String toString() {
    return "AppCredentials[appId=" + appId + ", serverSecret=***]";
  }
}
