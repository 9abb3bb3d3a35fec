package dev.zimclient.client;

import dev.zimclient.client.error.ZimInvalidParameterException;
import dev.zimclient.client.error.ZimNotFoundException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.api.RoomApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** KickoutRoomUser end to end: an array parameter sent as a repeated {@code UserId[]} key. */
class KickoutRoomUserTest extends WireMockSupport {
  static final List<String> USERS = List.of("user-a", "b&c+d", "e f");

  @Test
  void usersAreSentAsRepeatedKeysWithRawBracketsByDefault() {
    stub(action("KickoutRoomUser").willReturn(example("KickoutRoomUser", "success")));

    assertEquals(0, rooms.kickoutRoomUser("room-1", USERS, "spam", "admin").code());

    String url = requests().get(0).getUrl();
    assertTrue(url.contains("&UserId[]=user-a&UserId[]=b%26c%2Bd&UserId[]=e%20f&"), url);
    assertFalse(url.contains("%5B"), url);
    assertEquals(USERS, rawQuery(requests().get(0)).get("UserId[]"), "every value, in order, byte for byte");
    assertEquals("spam", first(rawQuery(requests().get(0)), "CustomReason"));
  }

  @Test
  void percentEncodedBracketsAreASetting() {
    client.close();
    client = clientBuilder().arrayParameterKeys(ArrayParameterKeys.PERCENT_ENCODED).build();
    stub(action("KickoutRoomUser").willReturn(example("KickoutRoomUser", "success")));

    client.create(RoomApi.class).kickoutRoomUserAsync("room-1", USERS, null, null).join();

    String url = requests().get(0).getUrl();
    assertTrue(url.contains("&UserId%5B%5D=user-a&UserId%5B%5D=b%26c%2Bd&UserId%5B%5D=e%20f&"), url);
    assertFalse(url.contains("[]"), url);
    assertEquals(USERS, rawQuery(requests().get(0)).get("UserId[]"));
  }

  @Test
  void signatureIsUnaffectedByTheBracketRewrite() {
    stub(action("KickoutRoomUser").willReturn(example("KickoutRoomUser", "success")));
    rooms.kickoutRoomUser("room-1", USERS, null, null);
    var query = rawQuery(requests().get(0));
    assertEquals(Md5.hex(APP_ID + first(query, "SignatureNonce") + SECRET + first(query, "Timestamp")),
        first(query, "Signature"));
  }

  @Test
  void userListOutsideItsBoundsIsRejected() {
    List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "user-" + i).toList();
    assertEquals("UserId[] has 51 items, more than the 50 allowed",
        assertThrows(ZimInvalidParameterException.class, () -> rooms.kickoutRoomUser("room-1", fiftyOne, null, null))
            .getMessage());
    assertEquals("UserId[] has 0 items, fewer than the 1 required",
        assertThrows(ZimInvalidParameterException.class,
            () -> rooms.kickoutRoomUser("room-1", Collections.emptyList(), null, null)).getMessage());
    assertEquals("UserId[] is required",
        assertThrows(ZimInvalidParameterException.class, () -> rooms.kickoutRoomUser("room-1", null, null, null))
            .getMessage());
    assertEquals("UserId[][1]",
        assertThrows(ZimInvalidParameterException.class,
            () -> rooms.kickoutRoomUser("room-1", List.of("ok", "not/ok"), null, null)).parameter());
    assertEquals("UserId[][1] is null",
        assertThrows(ZimInvalidParameterException.class,
            () -> rooms.kickoutRoomUser("room-1", Arrays.asList("ok", null), null, null)).getMessage());
    assertEquals(0, requests().size());
  }

  @Test
  void fiftyUsersAreAllowed() {
    stub(action("KickoutRoomUser").willReturn(example("KickoutRoomUser", "success")));
    List<String> fifty = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> "user-" + i).toList());
    rooms.kickoutRoomUser("room-1", fifty, null, null);
    assertEquals(fifty, rawQuery(requests().get(0)).get("UserId[]"));
  }

  @Test
  void userNotInTheRoomIsNotFound() {
    stub(action("KickoutRoomUser").willReturn(example("KickoutRoomUser", "userNotInRoom")));
    ZimNotFoundException e = assertThrows(ZimNotFoundException.class,
        () -> rooms.kickoutRoomUser("room-1", USERS, null, null));
    assertEquals(660300002, e.code());
  }
}
