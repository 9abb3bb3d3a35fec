package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.zimclient.client.error.ZimOutcomeUnknownException;
import dev.zimclient.client.error.ZimProtocolException;
import dev.zimclient.client.error.ZimServerErrorException;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.CreateRoomRequest;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * An action the spec marks {@code x-zim-idempotent: false} (CreateRoom here) is never sent again
 * once its request may have reached the server; it is retried only when the server surely did
 * nothing with it. DestroyRoom, idempotent, is the contrast.
 */
class NonIdempotentActionTest extends WireMockSupport {
  static final CreateRoomRequest ROOM = CreateRoomRequest.builder().fromUserId("admin").roomId("room-1").build();

  @Test
  void readTimeoutSendsExactlyOneRequestAndEndsAsOutcomeUnknown() {
    client.close();
    client = clientBuilder().readTimeout(Duration.ofMillis(200)).build();
    RoomApi api = client.create(RoomApi.class);
    stub(action("CreateRoom").willReturn(example("CreateRoom", "success").withFixedDelay(1_000)));

    ZimOutcomeUnknownException e = assertThrows(ZimOutcomeUnknownException.class, () -> api.createRoom(ROOM));

    assertEquals(1, requestsOnceServed(), "not resent");
    assertEquals("CreateRoom", e.action());
    assertInstanceOf(ZimTransportException.class, e.getCause());
    assertEquals(false, e.isRetryable());
  }

  @Test
  void asyncReadTimeoutEndsTheSameWay() {
    client.close();
    client = clientBuilder().readTimeout(Duration.ofMillis(200)).build();
    RoomApi api = client.create(RoomApi.class);
    stub(action("CreateRoom").willReturn(example("CreateRoom", "success").withFixedDelay(1_000)));

    CompletionException e = assertThrows(CompletionException.class, () -> api.createRoomAsync(ROOM).join());

    assertInstanceOf(ZimOutcomeUnknownException.class, e.getCause());
    assertEquals(1, requestsOnceServed(), "not resent");
  }

  /**
   * The requests WireMock received, once the delayed one was served: WireMock journals a request
   * when its answer is done, after the client gave up on it.
   */
  private static int requestsOnceServed() {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (requests().isEmpty() && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    try {
      Thread.sleep(200); // room for a resend, had there been one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return requests().size();
  }

  @Test
  void resetAfterSendingAndGatewayErrorsAreNotResent() {
    stub(action("CreateRoom").willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThrows(ZimOutcomeUnknownException.class, () -> rooms.createRoom(ROOM));
    assertEquals(1, requests().size());

    server.resetRequests();
    allowResponsesOffSpec("a gateway's error page is no ZIM answer");
    stub(action("CreateRoom").willReturn(WireMock.aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
    ZimOutcomeUnknownException e = assertThrows(ZimOutcomeUnknownException.class, () -> rooms.createRoom(ROOM));
    assertInstanceOf(ZimProtocolException.class, e.getCause());
    assertEquals(1, requests().size());
  }

  @Test
  void aBusyAnswerIsNotResentButKeepsItsType() {
    stub(action("CreateRoom").willReturn(envelope(1, "server busy")));
    assertThrows(ZimServerErrorException.class, () -> rooms.createRoom(ROOM));
    assertEquals(1, requests().size(), "the server may have acted before it said busy");
  }

  @Test
  void aThrottlingAnswerIsRetriedSinceTheServerDidNothing() {
    stub(action("CreateRoom").inScenario("throttled").whenScenarioStateIs("Started")
        .willReturn(example("CreateRoom", "appRateExceeded")).willSetStateTo("ok"));
    stub(action("CreateRoom").inScenario("throttled").whenScenarioStateIs("ok")
        .willReturn(example("CreateRoom", "success")));

    assertEquals(0, rooms.createRoom(ROOM).code());
    assertEquals(2, requests().size());
  }

  @Test
  void aRefusedConnectionIsRetriedSinceNothingWasSent() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
    okhttp3.OkHttpClient counting = new okhttp3.OkHttpClient.Builder()
        .addInterceptor(chain -> {
          attempts.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .build();
    client.close();
    client = clientBuilder().okHttpClient(counting).endpoint("http://127.0.0.1:" + closedPort + "/").maxAttempts(3).build();

    ZimTransportException e = assertThrows(ZimTransportException.class,
        () -> client.create(RoomApi.class).createRoom(ROOM));

    assertInstanceOf(java.net.ConnectException.class, e.getCause());
    assertEquals(3, attempts.get(), "every attempt was made");
  }

  @Test
  void anIdempotentActionIsRetriedAfterTheSameFault() {
    allowResponsesOffSpec("a reset connection carries no answer");
    stub(destroyRoom().inScenario("reset").whenScenarioStateIs("Started")
        .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    stub(destroyRoom().inScenario("reset").whenScenarioStateIs("ok").willReturn(example("DestroyRoom", "success")));
    assertEquals(0, rooms.destroyRoom("room-1", null).code());
    assertEquals(2, requests().size());
  }
}
