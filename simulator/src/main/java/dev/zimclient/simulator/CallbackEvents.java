package dev.zimclient.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The callbacks that the simulator's state changes produce: which successful action yields which
 * event, and the event's fields from the request (and the answer, for a group ID the server
 * chose). Like {@link RoomActions}, this is action-specific knowledge: the spec says what an
 * event's body holds, not which action causes it. Who was in a room or group that goes away is
 * read from the state before the action runs ({@link #before}), since afterwards it is gone.
 */
final class CallbackEvents {

  /** An event to send: its name and its own fields, the envelope still to add. */
  record Event(String name, Map<String, Object> fields) {}

  private CallbackEvents() {}

  /**
   * What the event of {@code request} needs from the state as it is before the action runs: the
   * users of a room about to be destroyed, the members (owner first) of a group about to be
   * dismissed; empty for other actions. Read without holding the state across the action, which
   * is exact unless another request changes the same room or group at the same moment.
   */
  static List<String> before(ActionRequest request) {
    return switch (request.action().name()) {
      case "DestroyRoom" -> request.rooms().users(request.param("RoomId").orElse(""));
      case "DismissGroup" -> request.groups().members(request.param("GroupId").orElse(""));
      default -> List.of();
    };
  }

  /** The event a successful {@code request} produces, if any; {@code before} is {@link #before}'s. */
  static Optional<Event> of(ActionRequest request, ActionResult result, List<String> before) {
    if (result.code() != 0) {
      return Optional.empty();
    }
    return switch (request.action().name()) {
      case "CreateRoom" -> Optional.of(roomCreate(request));
      case "DestroyRoom" -> Optional.of(new Event("room_destroy", fields(
          "room_id", request.param("RoomId").orElse(""),
          "operator_account", request.param("FromUserId").orElse(null),
          "user_ids", before)));
      case "CreateGroup" -> Optional.of(groupCreate(request, result));
      case "DismissGroup" -> Optional.of(new Event("group_destroy", fields(
          "group_id", request.param("GroupId").orElse(""),
          "operator_account", request.param("FromUserId").orElse(null),
          "owner_account", before.isEmpty() ? null : before.get(0),
          "user_ids", before)));
      default -> Optional.empty();
    };
  }

  private static Event roomCreate(ActionRequest request) {
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (Map<?, ?> attribute : objects(request.params().get("Attributes"))) {
      attributes.add(fields("key", attribute.get("Key"), "value", attribute.get("Value"),
          "auto_delete", attribute.get("AutoDelete") == null ? 0 : attribute.get("AutoDelete")));
    }
    return new Event("room_create", fields(
        "room_id", request.param("RoomId").orElse(""),
        "operator_account", request.param("FromUserId").orElse(null),
        "room_name", request.param("RoomName").orElse(null),
        "attributes", attributes));
  }

  private static Event groupCreate(ActionRequest request, ActionResult result) {
    String owner = request.param("GroupOwner").orElse("");
    // The owner is a member; the request lists the others (and the server drops the owner there).
    Set<String> members = new LinkedHashSet<>();
    members.add(owner);
    if (request.params().get("UserId") instanceof List<?> others) {
      others.forEach(user -> members.add(String.valueOf(user)));
    }
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (Map<?, ?> attribute : objects(request.params().get("Attributes"))) {
      attributes.add(fields("key", attribute.get("Key"), "value", attribute.get("Value")));
    }
    Object groupId = request.param("GroupId").filter(id -> !id.isEmpty())
        .map(Object.class::cast).orElse(result.fields().get("GroupId"));
    // The state says who joined; the request's list is the fallback for a handler that keeps none.
    List<String> joined = groupId == null ? List.of() : request.groups().members(groupId.toString());
    if (!joined.isEmpty()) {
      members.clear();
      members.addAll(joined);
    }
    return new Event("group_create", fields(
        "group_id", groupId,
        "operator_account", owner,
        "owner_account", owner,
        "group_name", request.param("GroupName").orElse(null),
        "attributes", attributes,
        "user_ids", List.copyOf(members)));
  }

  private static List<Map<?, ?>> objects(Object value) {
    List<Map<?, ?>> objects = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.stream().filter(Map.class::isInstance).forEach(item -> objects.add((Map<?, ?>) item));
    }
    return objects;
  }

  /** Name-value pairs in order, leaving out null values as ZEGO leaves out absent fields. */
  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        fields.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return fields;
  }
}
