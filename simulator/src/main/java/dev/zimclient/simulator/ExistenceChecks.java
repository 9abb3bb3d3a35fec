package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import java.util.Optional;

/**
 * The not-found answers no action needs Java for: an action that takes a {@code RoomId} and
 * documents 660300001 (room does not exist) answers it for a room that does not exist, and one
 * that takes a {@code GroupId} and documents 660600001 (group does not exist) likewise; so room
 * and group actions added to the spec behave without a change here.
 */
final class ExistenceChecks {

  private final Optional<Integer> roomNotFound;
  private final Optional<Integer> groupNotFound;

  ExistenceChecks(ReturnCodeCatalog catalog) {
    this.roomNotFound = catalog.find("ROOM_NOT_FOUND");
    this.groupNotFound = catalog.find("GROUP_NOT_FOUND");
  }

  /** {@code handler}, preceded by the checks {@code action} calls for. */
  ActionHandler wrap(ActionSpec action, ActionHandler handler) {
    ActionHandler wrapped = handler;
    if (calledFor(action, "RoomId", roomNotFound)) {
      int code = roomNotFound.get();
      ActionHandler next = wrapped;
      wrapped = request -> request.rooms().contains(request.param("RoomId").orElse(""))
          ? next.handle(request)
          : ActionResult.error(code);
    }
    if (calledFor(action, "GroupId", groupNotFound)) {
      int code = groupNotFound.get();
      ActionHandler next = wrapped;
      wrapped = request -> request.groups().contains(request.param("GroupId").orElse(""))
          ? next.handle(request)
          : ActionResult.error(code);
    }
    return wrapped;
  }

  private static boolean calledFor(ActionSpec action, String parameter, Optional<Integer> code) {
    return code.isPresent() && action.declares(parameter) && action.documentedCodes().contains(code.get());
  }
}
