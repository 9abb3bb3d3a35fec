package dev.zimclient.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rooms that exist in one app, with the users in them and their attributes. Thread-safe;
 * IDs are compared byte for byte. Users join rooms through the ZIM SDK, which the simulator does
 * not serve, so tests put them in with {@link #join}.
 */
public final class Rooms {

  private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();

  Rooms() {}

  /** Creates an empty room; false when it already existed. */
  public boolean add(String roomId) {
    return rooms.putIfAbsent(Objects.requireNonNull(roomId, "roomId"), new Room()) == null;
  }

  /** Removes a room with its users and attributes; false when it did not exist. */
  public boolean remove(String roomId) {
    return rooms.remove(Objects.requireNonNull(roomId, "roomId")) != null;
  }

  public boolean contains(String roomId) {
    return rooms.containsKey(Objects.requireNonNull(roomId, "roomId"));
  }

  /** The rooms now, as an immutable snapshot. */
  public Set<String> ids() {
    return Set.copyOf(rooms.keySet());
  }

  /**
   * Puts a user in a room, after those already there.
   *
   * @return false when the user was already in it
   * @throws IllegalArgumentException when the room does not exist
   */
  public boolean join(String roomId, String userId) {
    Objects.requireNonNull(userId, "userId");
    return room(roomId)
        .orElseThrow(() -> new IllegalArgumentException("no room " + roomId + "; add it first"))
        .join(userId);
  }

  /** The users in a room, in the order they joined; empty when there is no such room. */
  public List<String> users(String roomId) {
    return room(roomId).map(Room::users).orElse(List.of());
  }

  /** A room's attributes, key to value; empty when there is no such room. */
  public Map<String, String> attributes(String roomId) {
    return room(roomId).map(Room::attributeValues).orElse(Map.of());
  }

  Optional<Room> room(String roomId) {
    return Optional.ofNullable(rooms.get(Objects.requireNonNull(roomId, "roomId")));
  }

  void clear() {
    rooms.clear();
  }
}
