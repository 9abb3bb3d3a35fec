package dev.zimclient.simulator;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The rooms that exist in one app. Thread-safe; IDs are compared byte for byte. */
public final class Rooms {

  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  Rooms() {}

  /** Creates a room; false when it already existed. */
  public boolean add(String roomId) {
    return ids.add(Objects.requireNonNull(roomId, "roomId"));
  }

  /** Removes a room; false when it did not exist. */
  public boolean remove(String roomId) {
    return ids.remove(Objects.requireNonNull(roomId, "roomId"));
  }

  public boolean contains(String roomId) {
    return ids.contains(Objects.requireNonNull(roomId, "roomId"));
  }

  /** The rooms now, as an immutable snapshot. */
  public Set<String> ids() {
    return Set.copyOf(ids);
  }

  void replaceWith(Set<String> roomIds) {
    ids.clear();
    ids.addAll(roomIds);
  }
}
