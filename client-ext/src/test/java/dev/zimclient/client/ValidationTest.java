package dev.zimclient.client;

import dev.zimclient.client.error.ZimInvalidParameterException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest extends WireMockSupport {
  static Stream<Arguments> invalidRoomIds() {
    return Stream.of(
        Arguments.of(null, "RoomId is required"),
        Arguments.of("", "RoomId must not be empty"),
        Arguments.of("r".repeat(33), "RoomId is 33 bytes in UTF-8, more than the 32 allowed"),
        Arguments.of("room/1", "RoomId contains '/' (U+002F) at index 4"),
        Arguments.of("房间", "RoomId contains '房' (U+623F) at index 0"),
        Arguments.of("é".repeat(17), "RoomId is 34 bytes in UTF-8"),
        Arguments.of("tab\there", "RoomId contains a control or whitespace character (U+0009) at index 3"),
        Arguments.of("quote\"", "RoomId contains '\"' (U+0022) at index 5"));
  }

  @ParameterizedTest
  @MethodSource("invalidRoomIds")
  void invalidRoomIdIsRejectedBeforeAnythingIsSent(String roomId, String message) {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    ZimInvalidParameterException e = assertThrows(ZimInvalidParameterException.class,
        () -> rooms.destroyRoom(roomId, null));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals("RoomId", e.parameter());
    assertThrows(IllegalArgumentException.class, () -> rooms.destroyRoomAsync(roomId, null));
  }

  @Test
  void invalidOptionalParameterIsRejectedToo() {
    ZimInvalidParameterException e = assertThrows(ZimInvalidParameterException.class,
        () -> rooms.destroyRoom("room-1", "user*1"));
    assertEquals("FromUserId", e.parameter());
  }

  @Test
  void thirtyTwoBytesIsAllowed() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    assertEquals(0, rooms.destroyRoom("r".repeat(32), null).code());
    assertEquals(1, requests().size());
  }

  @AfterEach
  void nothingInvalidReachedTheServer() {
    assertTrue(requests().stream().allMatch(r -> {
      String roomId = first(rawQuery(r), "RoomId");
      return roomId != null && roomId.matches("[0-9A-Za-z!#$%&()+\\-:;<=.>?@\\[\\]^_{}|~, ]{1,32}");
    }));
  }
}
