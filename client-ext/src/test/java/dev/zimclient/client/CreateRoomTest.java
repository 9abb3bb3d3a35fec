package dev.zimclient.client;

import dev.zimclient.client.error.ZimConflictException;
import dev.zimclient.client.error.ZimInvalidParameterException;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.zimclient.generated.model.CreateRoomRequest;
import dev.zimclient.generated.model.CreateRoomResponse;
import dev.zimclient.generated.model.RoomAttribute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateRoom end to end: a POST whose business fields travel as a JSON body. */
class CreateRoomTest extends WireMockSupport {
  static final CreateRoomRequest FULL = CreateRoomRequest.builder()
      .fromUserId("admin")
      .roomId("room+1 &#")
      .roomName("Lobby")
      .destroyDelayTime(3600)
      .attributes(List.of(
          RoomAttribute.builder().key("topic").value("chess").autoDelete(0).build(),
          RoomAttribute.builder().key("host").value("user-1").autoDelete(1).build()))
      .build();

  @Test
  void bodyTravelsAsJsonAndThePublicParametersInTheQuery() {
    stub(action("CreateRoom").willReturn(example("CreateRoom", "success")));

    CreateRoomResponse response = rooms.createRoom(FULL);

    assertEquals(0, response.code());
    assertEquals(1L, response.attributeSeq(), "AttributeSeq of the success example");
    LoggedRequest request = requests().get(0);
    assertEquals("POST", request.getMethod().getName());
    assertTrue(request.getHeader("Content-Type").startsWith("application/json"), request.getHeader("Content-Type"));
    assertTrue(equalToJson("""
        {"FromUserId": "admin", "RoomId": "room+1 &#", "RoomName": "Lobby", "DestroyDelayTime": 3600,
         "Attributes": [{"Key": "topic", "Value": "chess", "AutoDelete": 0},
                        {"Key": "host", "Value": "user-1", "AutoDelete": 1}]}
        """).match(request.getBodyAsString()).isExactMatch(), request.getBodyAsString());
    Map<String, List<String>> query = rawQuery(request);
    assertEquals(List.of("Action", "AppId", "SignatureNonce", "Timestamp", "SignatureVersion", "Signature"),
        List.copyOf(query.keySet()), "business fields stay in the body");
    assertEquals(Md5.hex(APP_ID + first(query, "SignatureNonce") + SECRET + first(query, "Timestamp")),
        first(query, "Signature"));
  }

  @Test
  void unsetFieldsAreLeftOut() {
    stub(action("CreateRoom").willReturn(example("CreateRoom", "success")));
    rooms.createRoom(CreateRoomRequest.builder().fromUserId("admin").roomId("room-1").build());
    assertEquals("{\"FromUserId\":\"admin\",\"RoomId\":\"room-1\"}", requests().get(0).getBodyAsString());
  }

  @Test
  void asyncTwinSendsTheSameBody() {
    stub(action("CreateRoom").willReturn(example("CreateRoom", "success")));
    assertEquals(1L, rooms.createRoomAsync(FULL).join().attributeSeq());
    rooms.createRoom(FULL);
    assertEquals(requests().get(0).getBodyAsString(), requests().get(1).getBodyAsString());
  }

  static Stream<Arguments> invalidRooms() {
    CreateRoomRequest.Builder valid = FULL.toBuilder();
    RoomAttribute attribute = FULL.attributes().get(0);
    return Stream.of(
        Arguments.of(valid.roomId(null).build(), "RoomId", "RoomId is required"),
        Arguments.of(FULL.toBuilder().fromUserId("user*1").build(), "FromUserId", "FromUserId contains '*'"),
        Arguments.of(FULL.toBuilder().roomName("n".repeat(65)).build(), "RoomName",
            "RoomName is 65 bytes in UTF-8, more than the 64 allowed"),
        Arguments.of(FULL.toBuilder().destroyDelayTime(10801).build(), "DestroyDelayTime",
            "DestroyDelayTime is 10801, more than the maximum 10800"),
        Arguments.of(FULL.toBuilder().destroyDelayTime(-1).build(), "DestroyDelayTime",
            "DestroyDelayTime is -1, less than the minimum 0"),
        Arguments.of(FULL.toBuilder().attributes(List.of(attribute, attribute.toBuilder().autoDelete(2).build())).build(),
            "Attributes[1].AutoDelete", "Attributes[1].AutoDelete is 2, more than the maximum 1"),
        Arguments.of(FULL.toBuilder().attributes(List.of(attribute.toBuilder().value(null).build())).build(),
            "Attributes[0].Value", "Attributes[0].Value is required"),
        Arguments.of(FULL.toBuilder().attributes(Arrays.asList(attribute, null)).build(),
            "Attributes[1]", "Attributes[1] is null"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidRooms")
  void invalidBodyIsRejectedBeforeAnythingIsSent(CreateRoomRequest room, String parameter, String message) {
    ZimInvalidParameterException e = assertThrows(ZimInvalidParameterException.class, () -> rooms.createRoom(room));
    assertEquals(parameter, e.parameter());
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertThrows(ZimInvalidParameterException.class, () -> rooms.createRoomAsync(room));
    assertEquals(0, requests().size());
  }

  @Test
  void missingBodyIsRejectedBeforeAnythingIsSent() {
    assertThrows(IllegalArgumentException.class, () -> rooms.createRoom(null));
    assertEquals(0, requests().size());
  }

  @Test
  void roomThatExistsIsAConflict() {
    stub(action("CreateRoom").willReturn(example("CreateRoom", "roomAlreadyExists")));
    ZimConflictException e = assertThrows(ZimConflictException.class, () -> rooms.createRoom(FULL));
    assertEquals(660300014, e.code());
    assertEquals(1, requests().size(), "a permanent code is not retried");
  }
}
