package dev.zimclient.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One room: its users in join order and its attributes with their sequence numbers. Every method
 * holds the room's monitor, so a handler's read-and-change is atomic per room.
 */
final class Room {

  private final Set<String> users = new LinkedHashSet<>();
  private final Map<String, Attribute> attributes = new LinkedHashMap<>();
  /** Counts every attribute change in the room, as ZEGO's AttributeSeq does. */
  private long attributeSeq;

  /** One attribute: its value, the sequence number of its last change, and its AutoDelete flag. */
  record Attribute(String value, long seq, int autoDelete) {}

  synchronized boolean join(String userId) {
    return users.add(userId);
  }

  synchronized List<String> users() {
    return List.copyOf(users);
  }

  synchronized boolean contains(String userId) {
    return users.contains(userId);
  }

  /** Removes those of {@code userIds} that are in the room; returns the ones that were. */
  synchronized List<String> remove(Collection<String> userIds) {
    List<String> removed = new ArrayList<>();
    for (String userId : userIds) {
      if (users.remove(userId)) {
        removed.add(userId);
      }
    }
    return removed;
  }

  /** Sets an attribute as a new change; returns its sequence number. */
  synchronized long setAttribute(String key, String value, int autoDelete) {
    attributes.put(key, new Attribute(value, ++attributeSeq, autoDelete));
    return attributeSeq;
  }

  /** Deletes an attribute as a new change; returns its sequence number, or -1 when it was not set. */
  synchronized long deleteAttribute(String key) {
    return attributes.remove(key) == null ? -1 : ++attributeSeq;
  }

  synchronized long attributeSeq() {
    return attributeSeq;
  }

  synchronized Map<String, Attribute> attributes() {
    return new LinkedHashMap<>(attributes);
  }

  synchronized Map<String, String> attributeValues() {
    Map<String, String> values = new LinkedHashMap<>();
    attributes.forEach((key, attribute) -> values.put(key, attribute.value()));
    return values;
  }
}
