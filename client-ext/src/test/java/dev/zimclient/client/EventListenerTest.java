package dev.zimclient.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.zimclient.client.error.ZimInvalidParameterException;
import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.event.ZimAttemptResult;
import dev.zimclient.client.event.ZimCall;
import dev.zimclient.client.event.ZimCallResult;
import dev.zimclient.client.event.ZimEventListener;
import dev.zimclient.generated.api.RoomApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What listeners are told, in which order, for each way a call can go. */
class EventListenerTest extends WireMockSupport {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<ZimAttemptResult> attempts = new CopyOnWriteArrayList<>();
  private final List<ZimCallResult> calls = new CopyOnWriteArrayList<>();

  private RoomApi listenedRooms(ZimClientBuilder builder) {
    client.close();
    client = builder.addEventListener(new Recorder()).build();
    return client.create(RoomApi.class);
  }

  @Test
  void aRetriedCallTellsEachAttemptWithStatusCodeAndRequestId() {
    stub(destroyRoom().inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(example("DestroyRoom", "serverBusy")));
    stub(destroyRoom().inScenario("busy").whenScenarioStateIs("ok").willReturn(example("DestroyRoom", "success")));

    listenedRooms(clientBuilder()).destroyRoom("room-1", null);

    assertEquals(List.of(
        "callStart DestroyRoom sync",
        "attemptStart 1", "permitWaitEnd 1 granted", "attemptEnd 1 api-error HTTP 200 server-error",
        "attemptStart 2", "permitWaitEnd 2 granted", "attemptEnd 2 success HTTP 200 success",
        "callEnd success after 2 attempt(s), code class success"), events);
    assertEquals(1, attempts.get(0).zimCode().getAsInt());
    assertTrue(attempts.get(0).requestId().isPresent(), "the busy answer's RequestId");
    assertEquals(0, attempts.get(1).zimCode().getAsInt());
    assertTrue(attempts.get(1).sent() && !attempts.get(1).duration().isNegative());
    assertEquals(0, calls.get(0).zimCode().getAsInt());
    assertTrue(calls.get(0).duration().compareTo(attempts.get(1).duration()) >= 0, "the call spans its attempts");
  }

  @Test
  void anAsyncCallTellsTheSameEventsBeforeItsFutureCompletes() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    List<String> seenByCaller = new ArrayList<>();

    listenedRooms(clientBuilder()).destroyRoomAsync("room-1", null)
        .thenRun(() -> seenByCaller.addAll(events)).join();

    assertEquals(List.of("callStart DestroyRoom async", "attemptStart 1", "permitWaitEnd 1 granted",
        "attemptEnd 1 success HTTP 200 success", "callEnd success after 1 attempt(s), code class success"), seenByCaller);
  }

  @Test
  void aCallWithBadArgumentsNeverStarts() {
    RoomApi listened = listenedRooms(clientBuilder());
    assertThrows(ZimInvalidParameterException.class, () -> listened.destroyRoom("", null));
    assertThrows(ZimInvalidParameterException.class, () -> listened.destroyRoomAsync("", null));

    assertEquals(List.of(), events, "refused before the call exists");
    assertEquals(0, requests().size());
  }

  @Test
  void aFailureOnTheWireHasNoStatusAndNoCode() {
    allowResponsesOffSpec("a connection fault has no response");
    stub(destroyRoom().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThrows(ZimTransportException.class, () -> listenedRooms(clientBuilder().maxAttempts(1)).destroyRoom("room-1", null));

    assertEquals(List.of("callStart DestroyRoom sync", "attemptStart 1", "permitWaitEnd 1 granted",
        "attemptEnd 1 transport-error HTTP 0 none", "callEnd transport-error after 1 attempt(s), code class none"), events);
    assertTrue(attempts.get(0).sent());
    assertTrue(attempts.get(0).failure().orElseThrow() instanceof ZimTransportException);
  }

  @Test
  void anAttemptRefusedAPermitSendsNothing() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    RoomApi listened = listenedRooms(clientBuilder()
        .rateLimit("DestroyRoom", 1, Duration.ofMinutes(1))
        .maxRateLimitWait(Duration.ZERO));
    listened.destroyRoom("room-1", null);
    events.clear();

    assertThrows(ZimRateLimitExceededException.class, () -> listened.destroyRoom("room-2", null));

    assertEquals(List.of("callStart DestroyRoom sync", "attemptStart 1", "permitWaitEnd 1 refused",
        "attemptEnd 1 rate-limited HTTP 0 none", "callEnd rate-limited after 1 attempt(s), code class none"), events);
    assertFalse(attempts.get(1).sent());
    assertEquals(Duration.ZERO, attempts.get(1).duration());
    assertEquals(1, requests().size());
  }

  @Test
  void aCancelledAsyncCallEndsOnceAsCancelled() throws Exception {
    allowResponsesOffSpec("the answer comes after the caller gave up");
    stub(destroyRoom().willReturn(example("DestroyRoom", "success").withFixedDelay(2_000)));
    CompletableFuture<?> future = listenedRooms(clientBuilder()).destroyRoomAsync("room-1", null);
    awaitRequest();

    future.cancel(true);
    TimeUnit.MILLISECONDS.sleep(200);

    List<String> ends = events.stream().filter(e -> e.startsWith("callEnd")).toList();
    assertEquals(List.of("callEnd cancelled after 1 attempt(s), code class none"), ends);
    assertEquals(List.of("attemptEnd 1 transport-error HTTP 0 none"),
        events.stream().filter(e -> e.startsWith("attemptEnd")).toList(), "the cut attempt is still the first");
  }

  @Test
  void aFailingListenerDoesNotBreakTheCall() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    client.close();
    client = clientBuilder()
        .addEventListener(new ZimEventListener() {
          @Override
          public void attemptEnd(ZimCall call, ZimAttemptResult result) {
            throw new IllegalStateException("listener bug");
          }
        })
        .addEventListenerFactory(call -> {
          throw new IllegalStateException("factory bug");
        })
        .addEventListener(new Recorder())
        .build();

    assertEquals(0, client.create(RoomApi.class).destroyRoom("room-1", null).code());
    assertTrue(events.contains("callEnd success after 1 attempt(s), code class success"), events.toString());
  }

  @Test
  void aFactoryMakesOneListenerPerCall() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    List<ZimEventListener> made = Collections.synchronizedList(new ArrayList<>());
    client.close();
    client = clientBuilder().addEventListenerFactory(call -> {
      ZimEventListener listener = new ZimEventListener() {};
      made.add(listener);
      return listener;
    }).build();
    RoomApi listened = client.create(RoomApi.class);

    listened.destroyRoom("room-1", null);
    listened.destroyRoomAsync("room-2", null).join();

    assertEquals(2, made.size());
    assertNotSame(made.get(0), made.get(1));
  }

  @Test
  void everyRequestNamesTheClientAndItsVersionInItsUserAgent() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    client.close();
    client = clientBuilder().userAgentSuffix("room-janitor/2.3").build();

    client.create(RoomApi.class).destroyRoom("room-1", null);

    server.verify(anyRequestedFor(urlPathEqualTo("/"))
        .withHeader("User-Agent", matching("zim-server-client-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? room-janitor/2\\.3")));
    assertEquals(client.config().userAgent(), requests().get(0).getHeader("User-Agent"));
  }

  @Test
  void aUserAgentSuffixMustBePrintableAscii() {
    ZimClientBuilder builder = ZimClient.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.userAgentSuffix("bad\nheader"));
    assertThrows(IllegalArgumentException.class, () -> builder.userAgentSuffix(" padded"));
    assertThrows(IllegalArgumentException.class, () -> builder.userAgentSuffix("caf\u00e9/1"));
  }

  private static void awaitRequest() throws InterruptedException {
    for (int i = 0; i < 100 && requests().isEmpty(); i++) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  /** Writes each event as one line. */
  private final class Recorder implements ZimEventListener {
    @Override
    public void callStart(ZimCall call) {
      events.add("callStart " + call.action() + (call.async() ? " async" : " sync"));
    }

    @Override
    public void attemptStart(ZimCall call, int attempt) {
      events.add("attemptStart " + attempt);
    }

    @Override
    public void permitWaitEnd(ZimCall call, int attempt, Duration waited, boolean granted) {
      events.add("permitWaitEnd " + attempt + (granted ? " granted" : " refused"));
    }

    @Override
    public void attemptEnd(ZimCall call, ZimAttemptResult result) {
      attempts.add(result);
      events.add("attemptEnd " + result.attempt() + " " + result.outcome().id() + " HTTP " + result.httpStatus() + " "
          + result.codeClass());
    }

    @Override
    public void callEnd(ZimCall call, ZimCallResult result) {
      calls.add(result);
      events.add("callEnd " + result.outcome().id() + " after " + result.attempts() + " attempt(s), code class "
          + result.codeClass());
    }
  }
}
