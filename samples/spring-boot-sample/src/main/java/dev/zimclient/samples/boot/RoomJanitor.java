package dev.zimclient.samples.boot;

import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.generated.api.RoomApi;
import java.util.List;
import org.springframework.stereotype.Service;

/** Destroys rooms; a room that is already gone counts as done. */
@Service
public class RoomJanitor {
  private final RoomApi rooms;

  public RoomJanitor(RoomApi rooms) {
    this.rooms = rooms;
  }

  /** Destroys each room and returns how many existed. */
  public int destroy(List<String> roomIds) {
    int destroyed = 0;
    for (String roomId : roomIds) {
      try {
        rooms.destroyRoom(roomId, null);
        destroyed++;
      } catch (ZimNotFoundException alreadyGone) {
        // Nothing to do: someone destroyed it first.
      }
    }
    return destroyed;
  }
}
