package dev.zimclient.cli;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.generated.model.DestroyRoomResponse;

/** What happened to one room. {@code code} is null when no answer came from the server. */
record RoomOutcome(String roomId, Integer code, String message, String requestId, Outcome outcome) {
  enum Outcome {
    DESTROYED,
    FAILED,
    INVALID;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static RoomOutcome destroyed(String roomId, DestroyRoomResponse response) {
    return new RoomOutcome(roomId, response.code(), response.message(), response.requestId(), Outcome.DESTROYED);
  }

  static RoomOutcome failed(String roomId, Throwable failure) {
    if (failure instanceof ZimApiException api) {
      return new RoomOutcome(roomId, api.code(), api.getMessage(), api.requestId(), Outcome.FAILED);
    }
    if (failure instanceof IllegalArgumentException) {
      return new RoomOutcome(roomId, null, failure.getMessage(), null, Outcome.INVALID);
    }
    return new RoomOutcome(roomId, null, String.valueOf(failure.getMessage()), null, Outcome.FAILED);
  }

  boolean succeeded() {
    return outcome == Outcome.DESTROYED;
  }
}
