package dev.zimclient.simulator;

import java.util.Map;

/**
 * The room-state semantics, the only action-specific behaviour of the simulator. Each handler
 * is installed only when the spec declares its action, so a spec that adds CreateRoom gets
 * working rooms without a change here.
 */
final class RoomActions {

  private RoomActions() {}

  /** Handlers by action name. */
  static Map<String, ActionHandler> handlers() {
    return Map.of(
        "DestroyRoom", RoomActions::destroyRoom,
        "CreateRoom", RoomActions::createRoom);
  }

  private static ActionResult destroyRoom(ActionRequest request) {
    String roomId = request.param("RoomId").orElse("");
    if (!request.rooms().remove(roomId)) {
      return ActionResult.error(request.returnCodes().code("ROOM_NOT_FOUND"));
    }
    return request.specSuccess();
  }

  private static ActionResult createRoom(ActionRequest request) {
    String roomId = request.param("RoomId").orElse("");
    if (!request.rooms().add(roomId)) {
      return ActionResult.error(request.returnCodes().code("ROOM_ALREADY_EXISTS"));
    }
    return request.specSuccess();
  }
}
