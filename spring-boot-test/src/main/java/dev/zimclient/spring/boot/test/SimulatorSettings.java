package dev.zimclient.spring.boot.test;

import java.util.List;

/** The settings of one annotated test context's simulator; equal settings share a context. */
record SimulatorSettings(long appId, String serverSecret, List<String> seedRooms, boolean rateLimits) {
  static SimulatorSettings of(AutoConfigureZimSimulator annotation) {
    return new SimulatorSettings(annotation.appId(), annotation.serverSecret(), List.of(annotation.seedRooms()),
        annotation.rateLimits());
  }

  @Override
  public String toString() {
    return "SimulatorSettings[appId=" + appId + ", seedRooms=" + seedRooms + ", rateLimits=" + rateLimits + "]";
  }
}
