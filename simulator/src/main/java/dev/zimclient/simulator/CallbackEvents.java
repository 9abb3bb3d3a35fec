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
 * event's body holds, not which action causes it. The simulator keeps no members of rooms and no
 * owners of groups, so the member lists of the destroy events are empty and a disbanded group's
 * owner is left out.
 */
final class CallbackEvents {

  /** An event to send: its name and its own fields, the envelope still to add. */
  record Event(String name, Map<String, Object> fields) {}

  private CallbackEvents() {}

  /** The event a successful {@code request} produces, if any. */
  static Optional<Event> of(ActionRequest request, ActionResult result) {
    if (result.code() != 0) {
      return Optional.empty();
    }
    return switch (request.action().name()) {
      case "CreateRoom" -> Optional.of(roomCreate(request));
      case "DestroyRoom" -> Optional.of(new Event("room_destroy", fields(
          "room_id", request.param("RoomId").orElse(""),
          "operator_account", request.param("FromUserId").orElse(null),
          "user_ids", List.of())));
      case "CreateGroup" -> Optional.of(groupCreate(request, result));
      case "DismissGroup" -> Optional.of(new Event("group_destroy", fields(
          "group_id", request.param("GroupId").orElse(""),
          "operator_account", request.param("FromUserId").orElse(null),
          "user_ids", List.of())));
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
