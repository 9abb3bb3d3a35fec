package dev.zimclient.client;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.error.ZimAuthenticationException;
import dev.zimclient.client.error.ZimConfigurationException;
import dev.zimclient.client.error.ZimConflictException;
import dev.zimclient.client.error.ZimInvalidArgumentException;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.client.error.ZimProtocolException;
import dev.zimclient.client.error.ZimServerErrorException;
import dev.zimclient.client.error.ZimThrottledException;
import dev.zimclient.client.error.ZimTransportException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.zimclient.client.error.ZimProtocolException.Kind;
import dev.zimclient.generated.ZimReturnCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest extends WireMockSupport {
  static Stream<Arguments> categories() {
    return Stream.of(
        Arguments.of(660300001, ZimNotFoundException.class),
        Arguments.of(7, ZimThrottledException.class),
        Arguments.of(660300005, ZimThrottledException.class),
        Arguments.of(100000005, ZimAuthenticationException.class),
        Arguments.of(3, ZimAuthenticationException.class),
        Arguments.of(2, ZimInvalidArgumentException.class),
        Arguments.of(1, ZimServerErrorException.class),
        Arguments.of(660300014, ZimConflictException.class),
        Arguments.of(100000017, ZimConfigurationException.class),
        Arguments.of(123456789, ZimApiException.class));
  }

  @ParameterizedTest
  @MethodSource("categories")
  void nonZeroCodeBecomesItsCategorysException(int code, Class<? extends ZimApiException> type) {
    stub(destroyRoom().willReturn(envelope(code, "why")));
    ZimApiException e = assertThrows(ZimApiException.class, () -> rooms.destroyRoom("room-1", null));
    assertSame(type, e.getClass());
    assertEquals(code, e.code());
    assertEquals("why", e.serverMessage());
    assertEquals("req-" + code, e.requestId());
    assertEquals("DestroyRoom", e.action());
    assertEquals(200, e.httpStatus());
    assertTrue(e.getMessage().contains(String.valueOf(code)) && e.getMessage().contains("req-" + code), e.getMessage());
  }

  @Test
  void unknownCodeYieldsTheBaseTypeWithoutCatalogueEntry() {
    stub(destroyRoom().willReturn(envelope(987654, "new")));
    ZimApiException e = assertThrows(ZimApiException.class, () -> rooms.destroyRoom("room-1", null));
    assertTrue(e.returnCode().isEmpty());
    assertFalse(e.isRetryable());
    assertEquals(1, requests().size());
  }

  @Test
  void roomNotFoundCarriesItsCatalogueEntry() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "roomNotFound")));
    ZimApiException e = assertThrows(ZimNotFoundException.class, () -> rooms.destroyRoom("room-1", null));
    assertEquals(ZimReturnCode.ROOM_NOT_FOUND, e.returnCode().orElseThrow());
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of(200, "", Kind.EMPTY_BODY),
        Arguments.of(200, "<html><body>gateway</body></html>", Kind.NOT_JSON),
        Arguments.of(200, "{\"Code\":0,\"Mess", Kind.TRUNCATED),
        Arguments.of(200, "[1,2,3]", Kind.WRONG_SHAPE),
        Arguments.of(200, "{\"Code\":\"zero\"}", Kind.WRONG_SHAPE),
        Arguments.of(200, "{\"Message\":\"no code\"}", Kind.WRONG_SHAPE),
        Arguments.of(200, "null", Kind.WRONG_SHAPE),
        Arguments.of(502, "<html>Bad Gateway</html>", Kind.HTTP_ERROR),
        Arguments.of(503, "", Kind.HTTP_ERROR),
        Arguments.of(404, "not found", Kind.HTTP_ERROR));
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void unusableResponseBecomesAProtocolExceptionWithTheStatus(int status, String body, Kind kind) {
    allowResponsesOffSpec("malformed bodies and undocumented statuses are what this test sends");
    stub(destroyRoom().willReturn(aResponse().withStatus(status).withBody(body)));
    ZimProtocolException e = assertThrows(ZimProtocolException.class, () -> rooms.destroyRoom("room-1", null));
    assertEquals(kind, e.kind());
    assertEquals(status, e.httpStatus());
    assertEquals(status >= 500 ? 3 : 1, requests().size(), "5xx is retried, the rest is not");
  }

  @Test
  void errorStatusWithAnEnvelopeIsMappedByItsCode() {
    allowResponsesOffSpec("the spec documents HTTP 200 only; this test sends 400");
    stub(destroyRoom().willReturn(envelope(660300001, "gone").withStatus(400)));
    ZimNotFoundException e = assertThrows(ZimNotFoundException.class, () -> rooms.destroyRoom("room-1", null));
    assertEquals(400, e.httpStatus());
  }

  @Test
  void bodyOverTheCapIsRefused() {
    client.close();
    client = clientBuilder().maxResponseBytes(1024).build();
    stub(destroyRoom().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"Code\":0,\"Message\":\"" + "x".repeat(4096) + "\"}")));
    ZimProtocolException e = assertThrows(ZimProtocolException.class,
        () -> client.create(dev.zimclient.generated.api.RoomApi.class).destroyRoom("room-1", null));
    assertEquals(Kind.TOO_LARGE, e.kind());
  }

  @Test
  void connectionResetIsATransportFailureAfterTheRetries() {
    allowResponsesOffSpec("a connection fault has no response");
    stub(destroyRoom().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ZimTransportException e = assertThrows(ZimTransportException.class, () -> rooms.destroyRoom("room-1", null));
    assertTrue(e.isRetryable());
  }

  @Test
  void asyncFailuresCompleteTheFutureWithTheSameTypes() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "roomNotFound")));
    ExecutionException e = assertThrows(ExecutionException.class, () -> rooms.destroyRoomAsync("room-1", null).get());
    assertSame(ZimNotFoundException.class, e.getCause().getClass());
    CompletionException joined = assertThrows(CompletionException.class, () -> rooms.destroyRoomAsync("room-1", null).join());
    assertSame(ZimNotFoundException.class, joined.getCause().getClass());
  }
}
