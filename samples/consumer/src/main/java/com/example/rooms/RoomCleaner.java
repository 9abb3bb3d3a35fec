package com.example.rooms;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.micrometer.ZimMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/** The README's quick start, as an application would write it. */
public final class RoomCleaner implements AutoCloseable {
  private final ZimClient client;
  private final RoomApi rooms;

  public RoomCleaner(long appId, String serverSecret, String endpoint, MeterRegistry meters) {
    this.client = ZimClient.builder()
        .appId(appId)
        .serverSecret(serverSecret)
        .endpoint(endpoint)
        .userAgentSuffix("room-cleaner/1.0")
        .addEventListenerFactory(ZimMetrics.builder(meters).build())
        .build();
    this.rooms = client.create(RoomApi.class);
  }

  /** Destroys the room; false if it did not exist. */
  public boolean destroy(String roomId) {
    try {
      rooms.destroyRoom(roomId, null);
      return true;
    } catch (ZimNotFoundException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
