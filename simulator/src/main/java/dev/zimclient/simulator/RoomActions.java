package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What room actions do to the rooms of an app: create and destroy them, tell who is in them,
 * remove users, and read and change their attributes. The only room behaviour written in Java;
 * each handler is installed only when the spec declares its action.
 */
final class RoomActions {

  private RoomActions() {}

  /** Handler factories by action name. */
  static Map<String, HandlerFactory> handlers() {
    return Map.of(
        "DestroyRoom", RoomActions::destroyRoom,
        "CreateRoom", RoomActions::createRoom,
        "QueryRoomMembers", RoomActions::queryRoomMembers,
        "KickoutRoomUser", RoomActions::kickoutRoomUser,
        "QueryRoomAttribute", RoomActions::queryRoomAttribute,
        "ModifyRoomAttribute", RoomActions::modifyRoomAttribute);
  }

  /** Listings by action name: the users of a room, oldest first unless {@code Mode} is 1. */
  static Map<String, ListingSource> listings() {
    return Map.of("QueryRoomUserList", RoomActions::roomUsers);
  }

  private static ActionHandler destroyRoom(ReturnCodeCatalog catalog) {
    int notFound = catalog.code("ROOM_NOT_FOUND");
    return request -> request.rooms().remove(roomId(request)) ? request.specSuccess() : ActionResult.error(notFound);
  }

  private static ActionHandler createRoom(ReturnCodeCatalog catalog) {
    int exists = catalog.code("ROOM_ALREADY_EXISTS");
    return request -> {
      String roomId = roomId(request);
      if (!request.rooms().add(roomId)) {
        return ActionResult.error(exists);
      }
      Room room = request.rooms().room(roomId).orElseThrow();
      for (Map<?, ?> attribute : JsonValues.objects(request.params().get("Attributes"))) {
        room.setAttribute(
            JsonValues.text(attribute.get("Key")),
            JsonValues.text(attribute.get("Value")),
            JsonValues.flag(attribute.get("AutoDelete")));
      }
      return request.specSuccess(Map.of("AttributeSeq", room.attributeSeq()));
    };
  }

  // Users found are listed as ZEGO spells them (snake_case); the others with their sub-code, and
  // when none is in the room the code says so too.
  private static ActionHandler queryRoomMembers(ReturnCodeCatalog catalog) {
    int notInRoom = catalog.code("USER_NOT_IN_ROOM_2");
    return request -> {
      Optional<Room> room = request.rooms().room(roomId(request));
      List<Map<String, Object>> found = new ArrayList<>();
      List<Map<String, Object>> missing = new ArrayList<>();
      for (String userId : request.strings("UserId")) {
        if (room.isPresent() && room.get().contains(userId)) {
          Map<String, Object> user = new LinkedHashMap<>();
          user.put("user_id", userId);
          user.put("user_name", request.users().displayName(userId));
          user.put("avatar", "");
          user.put("extra", "");
          found.add(user);
        } else {
          missing.add(JsonValues.subCode(userId, notInRoom));
        }
      }
      if (found.isEmpty()) {
        return ActionResult.error(notInRoom, Map.of("ErrorList", missing));
      }
      return request.specSuccess(Map.of("UserList", found, "ErrorList", missing));
    };
  }

  private static ActionHandler kickoutRoomUser(ReturnCodeCatalog catalog) {
    int notFound = catalog.code("ROOM_NOT_FOUND");
    int notInRoom = catalog.code("USER_NOT_IN_ROOM");
    return request -> {
      Optional<Room> room = request.rooms().room(roomId(request));
      if (room.isEmpty()) {
        return ActionResult.error(notFound);
      }
      return room.get().remove(request.strings("UserId")).isEmpty()
          ? ActionResult.error(notInRoom)
          : request.specSuccess();
    };
  }

  // Neither attribute action documents 660300001; ZEGO's 660000002 is their answer to a room
  // they cannot find.
  private static ActionHandler queryRoomAttribute(ReturnCodeCatalog catalog) {
    int invalid = catalog.code("BUSINESS_PARAMETER_ERROR");
    return request -> {
      Optional<Room> room = request.rooms().room(roomId(request));
      if (room.isEmpty()) {
        return noSuchRoom(request, invalid);
      }
      List<Map<String, Object>> attributes = new ArrayList<>();
      room.get().attributes().forEach((key, attribute) -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Key", key);
        item.put("Value", attribute.value());
        item.put("Seq", attribute.seq());
        item.put("AutoDelete", attribute.autoDelete());
        attributes.add(item);
      });
      return request.specSuccess(Map.of("AttributeSeq", room.get().attributeSeq(), "Attributes", attributes));
    };
  }

  // Changes apply in order; a failing one (a set without a value, a delete of a key that is not
  // there) is listed with 660000002 and, with StopOnError 1, ends the run.
  private static ActionHandler modifyRoomAttribute(ReturnCodeCatalog catalog) {
    int invalid = catalog.code("BUSINESS_PARAMETER_ERROR");
    return request -> {
      Optional<Room> room = request.rooms().room(roomId(request));
      if (room.isEmpty()) {
        return noSuchRoom(request, invalid);
      }
      List<Map<String, Object>> succeeded = new ArrayList<>();
      List<Map<String, Object>> failed = new ArrayList<>();
      for (Map<?, ?> change : JsonValues.objects(request.params().get("Attributes"))) {
        String key = JsonValues.text(change.get("Key"));
        long seq = apply(room.get(), key, change);
        if (seq >= 0) {
          succeeded.add(Map.of("Key", key, "Seq", seq));
        } else {
          failed.add(Map.of("SubCode", invalid, "Key", key));
          if (JsonValues.flag(change.get("StopOnError")) == 1) {
            break;
          }
        }
      }
      return request.specSuccess(
          Map.of("AttributeSeq", room.get().attributeSeq(), "SuccKeyList", succeeded, "ErrKeyList", failed));
    };
  }

  /** One change: Action 1 deletes, else sets; the change's sequence number, or -1 when it fails. */
  private static long apply(Room room, String key, Map<?, ?> change) {
    if (JsonValues.flag(change.get("Action")) == 1) {
      return room.deleteAttribute(key);
    }
    if (change.get("Value") == null) {
      return -1;
    }
    return room.setAttribute(key, JsonValues.text(change.get("Value")), JsonValues.flag(change.get("AutoDelete")));
  }

  private static Listing roomUsers(ActionRequest request) {
    List<String> users = new ArrayList<>(request.rooms().users(roomId(request)));
    if (request.number("Mode").orElse(0L) == 1) {
      Collections.reverse(users);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (String userId : users) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("UserId", userId);
      item.put("UserName", request.users().displayName(userId));
      items.add(item);
    }
    return new Listing(items, Map.of("Count", items.size()));
  }

  private static ActionResult noSuchRoom(ActionRequest request, int code) {
    return request.error(code, "room " + roomId(request) + " does not exist");
  }

  private static String roomId(ActionRequest request) {
    return request.param("RoomId").orElse("");
  }
}
