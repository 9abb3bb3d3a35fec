package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import java.util.Map;

/**
 * The room-state semantics, the only action-specific behaviour of the simulator. Each handler
 * is installed only when the spec declares its action. Any other action that takes a
 * {@code RoomId} and documents 660300001 (room does not exist) answers it for a room that does
 * not exist, so room actions added to the spec behave without a change here.
 */
final class RoomActions {

  private RoomActions() {}

  /** Handlers by action name. */
  static Map<String, ActionHandler> handlers() {
    return Map.of(
        "DestroyRoom", RoomActions::destroyRoom,
        "CreateRoom", RoomActions::createRoom);
  }

  /**
   * {@code handler}, preceded by the room-existence check when {@code action} calls for it (see
   * the class comment).
   */
  static ActionHandler withRoomCheck(ActionSpec action, int roomNotFound, ActionHandler handler) {
    if (!action.declares("RoomId") || !action.documentedCodes().contains(roomNotFound)) {
      return handler;
    }
    return request -> {
      String roomId = request.param("RoomId").orElse("");
      return request.rooms().contains(roomId) ? handler.handle(request) : ActionResult.error(roomNotFound);
    };
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
