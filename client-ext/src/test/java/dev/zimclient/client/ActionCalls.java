package dev.zimclient.client;

import dev.zimclient.generated.ZimEnvelope;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.CreateRoomRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** One valid call of each action through the generated interface, for tests that run every action. */
final class ActionCalls {
  static final CreateRoomRequest NEW_ROOM = CreateRoomRequest.builder().fromUserId("user-1").roomId("room-1").build();

  /** The blocking call of each action, by action name. */
  static final Map<String, Function<RoomApi, ZimEnvelope>> BLOCKING = Map.of(
      "DestroyRoom", api -> api.destroyRoom("room-1", null),
      "CreateRoom", api -> api.createRoom(NEW_ROOM),
      "QueryRoomUserList", api -> api.queryRoomUserList("room-1", null, null, null),
      "KickoutRoomUser", api -> api.kickoutRoomUser("room-1", List.of("user-a"), null, null));

  /** The {@code Async} twin of each action, by action name. */
  static final Map<String, Function<RoomApi, CompletableFuture<? extends ZimEnvelope>>> ASYNC = Map.of(
      "DestroyRoom", api -> api.destroyRoomAsync("room-1", null),
      "CreateRoom", api -> api.createRoomAsync(NEW_ROOM),
      "QueryRoomUserList", api -> api.queryRoomUserListAsync("room-1", null, null, null),
      "KickoutRoomUser", api -> api.kickoutRoomUserAsync("room-1", List.of("user-a"), null, null));

  private ActionCalls() {}
}
