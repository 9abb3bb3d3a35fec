package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.simulator.CallbackReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The callbacks the simulator sends: what state changes produce them, how they are signed and retried. */
class CallbackSenderTest {
  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;
  private static final String CALLBACK_SECRET = "callback-secret-of-the-simulator-test";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2024-06-10T06:13:20.250Z"));
  private final CallbackReceiver receiver = new CallbackReceiver();

  @AfterEach
  void stop() {
    receiver.close();
  }

  private ZimSimulator simulator(CallbackSettings.Builder callbacks) {
    return ZimSimulator.builder().app(APP_ID, SECRET).clock(clock)
        .callbacks(callbacks.url(receiver.url()).secret(CALLBACK_SECRET).build()).start();
  }

  private static String sha1OfSorted(String... parts) throws Exception {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
        .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
  }

  /** The delivery journal once it holds {@code count} attempts: it is written after the receiver answered. */
  private static List<CallbackDelivery> deliveries(ZimSimulator zim, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (zim.callbackDeliveries().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return zim.callbackDeliveries();
  }

  @Test
  void theSignatureIsZegosOnItsOwnExample() {
    assertEquals("5bd59fd62953a8059fb7eaba95720f66d19e4517", CallbackSignature.sign("secret", "1470820198", "123412"));
  }

  @Test
  void aRoomsLifeSendsRoomCreateThenRoomDestroySignedAsZegoSignsThem() throws Exception {
    try (ZimSimulator zim = simulator(CallbackSettings.builder())) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      assertEquals(0, code(client.post("CreateRoom", "{\"FromUserId\":\"ann\",\"RoomId\":\"chess\",\"RoomName\":\"Chess\","
          + "\"Attributes\":[{\"Key\":\"topic\",\"Value\":\"openings\",\"AutoDelete\":1}]}")));
      assertEquals(0, code(client.get("DestroyRoom", "RoomId", "chess", "FromUserId", "ben")));

      List<Received> received = receiver.await(2, WAIT);
      Map<String, Object> created = received.get(0).json();
      assertEquals(Map.of("appid", Long.toString(APP_ID), "event", "room_create",
          "timestamp", clock.instant().toEpochMilli(), "nonce", created.get("nonce"),
          "signature", created.get("signature"), "room_id", "chess", "operator_account", "ann", "room_name", "Chess",
          "attributes", List.of(Map.of("key", "topic", "value", "openings", "auto_delete", 1))), created);
      assertEquals(sha1OfSorted(CALLBACK_SECRET, created.get("timestamp").toString(), (String) created.get("nonce")),
          created.get("signature"));
      assertTrue(received.get(0).contentType().startsWith("application/json"), received.get(0).contentType());
      assertEquals("POST", received.get(0).method());

      Map<String, Object> destroyed = received.get(1).json();
      assertEquals("room_destroy", destroyed.get("event"));
      assertEquals("chess", destroyed.get("room_id"));
      assertEquals("ben", destroyed.get("operator_account"));
      assertEquals(List.of(), destroyed.get("user_ids"), "nobody had entered the room");
      assertFalse(destroyed.get("nonce").equals(created.get("nonce")), "each callback has its own nonce");

      List<CallbackDelivery> journal = deliveries(zim, 2);
      assertEquals(List.of("room_create", "room_destroy"), journal.stream().map(CallbackDelivery::event).toList());
      assertTrue(journal.stream().allMatch(d -> d.delivered() && d.attempt() == 1 && d.retry().isEmpty()), journal.toString());
      assertFalse(journal.toString().contains(CALLBACK_SECRET));
    }
  }

  @Test
  void aGroupsLifeSendsGroupCreateThenGroupDestroy() throws Exception {
    try (ZimSimulator zim = simulator(CallbackSettings.builder())) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      assertEquals(0, code(client.post("CreateGroup", "{\"GroupId\":\"team-42\",\"GroupOwner\":\"ann\","
          + "\"UserId\":[\"ben\",\"ann\"],\"GroupName\":\"Team\",\"Attributes\":[{\"Key\":\"colour\",\"Value\":\"teal\"}]}")));
      assertEquals(0, code(client.get("DismissGroup", "FromUserId", "cai", "GroupId", "team-42")));

      List<Received> received = receiver.await(2, WAIT);
      Map<String, Object> created = received.get(0).json();
      assertEquals("group_create", created.get("event"));
      assertEquals("team-42", created.get("group_id"));
      assertEquals("ann", created.get("owner_account"));
      assertEquals("Team", created.get("group_name"));
      assertEquals(List.of("ann", "ben"), created.get("user_ids"));
      assertEquals(List.of(Map.of("key", "colour", "value", "teal")), created.get("attributes"));
      Map<String, Object> destroyed = received.get(1).json();
      assertEquals("group_destroy", destroyed.get("event"));
      assertEquals("team-42", destroyed.get("group_id"));
      assertEquals("cai", destroyed.get("operator_account"));
      assertEquals("ann", destroyed.get("owner_account"), "read from the group before it went");
      assertEquals(List.of("ann", "ben"), destroyed.get("user_ids"));
    }
  }

  @Test
  void aDestroyedRoomsUsersAreThoseInItJustBefore() throws Exception {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock)
        .seedRoomUsers("full", List.of("ann", "ben"))
        .callbacks(CallbackSettings.builder().url(receiver.url()).secret(CALLBACK_SECRET).build()).start()) {
      assertEquals(0, code(new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "full")));
      assertEquals(List.of("ann", "ben"), receiver.await(1, WAIT).get(0).json().get("user_ids"));
    }
  }

  @Test
  void aGroupWhoseIdTheServerChoseIsCalledByThatId() throws Exception {
    try (ZimSimulator zim = simulator(CallbackSettings.builder())) {
      Map<String, Object> answer = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock)
          .post("CreateGroup", "{\"GroupOwner\":\"ann\",\"UserId\":[\"ben\"]}");
      assertEquals(0, code(answer));
      Map<String, Object> created = receiver.await(1, WAIT).get(0).json();
      assertEquals(answer.get("GroupId"), created.get("group_id"));
      assertTrue(created.get("group_id").toString().startsWith("#"), created.toString());
      assertEquals(List.of("ann", "ben"), created.get("user_ids"));
    }
  }

  @Test
  void aFailedActionSendsNothing() throws Exception {
    try (ZimSimulator zim = simulator(CallbackSettings.builder())) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      assertEquals(660300001, code(client.get("DestroyRoom", "RoomId", "ghost")));
      zim.seedRoom("real");
      assertEquals(0, code(client.get("DestroyRoom", "RoomId", "real")));
      assertEquals(1, receiver.await(1, WAIT).size());
      Thread.sleep(200);
      assertEquals(List.of("real"), receiver.received().stream().map(r -> r.json().get("room_id")).toList());
    }
  }

  @Test
  void aDeliveryIsRetriedAfterEachPauseUntilAnswered2xx() throws Exception {
    receiver.answer(503, 500);
    try (ZimSimulator zim = simulator(CallbackSettings.builder().retryDelays(
        List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300))))) {
      zim.seedRoom("r");
      assertEquals(0, code(new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "r")));
      List<Received> received = receiver.await(3, WAIT);
      assertEquals(1, received.stream().map(Received::body).distinct().count(), "a retry sends the same body");
      assertTrue(received.get(1).nanoTime() - received.get(0).nanoTime() >= Duration.ofMillis(100).toNanos());
      assertTrue(received.get(2).nanoTime() - received.get(1).nanoTime() >= Duration.ofMillis(200).toNanos());

      List<CallbackDelivery> journal = deliveries(zim, 3);
      assertEquals(List.of(503, 500, 200), journal.stream().map(CallbackDelivery::status).toList());
      assertEquals(Arrays.asList(Duration.ofMillis(100), Duration.ofMillis(200), null),
          journal.stream().map(CallbackDelivery::nextAttemptIn).toList());
      assertEquals(List.of(1, 2, 3), journal.stream().map(CallbackDelivery::attempt).toList());
    }
  }

  @Test
  void afterTheLastPauseTheSenderGivesUp() throws Exception {
    receiver.answer(500, 500, 500, 500, 500);
    try (ZimSimulator zim = simulator(CallbackSettings.builder().retryDelays(
        List.of(Duration.ofMillis(10), Duration.ofMillis(10))))) {
      zim.seedRoom("r");
      new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "r");
      receiver.await(3, WAIT);
      Thread.sleep(300);
      assertEquals(3, receiver.received().size(), "no attempt after the last pause");
      CallbackDelivery last = zim.callbackDeliveries().get(2);
      assertFalse(last.delivered());
      assertNull(last.nextAttemptIn());
    }
  }

  @Test
  void aReceiverThatIsNotThereIsJournalledWithoutAStatusAndRetried() throws Exception {
    String url = receiver.url();
    receiver.close();
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("r")
        .callbacks(CallbackSettings.builder().url(url).secret(CALLBACK_SECRET)
            .retryDelays(List.of(Duration.ofMillis(10))).build()).start()) {
      new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "r");
      List<CallbackDelivery> journal = deliveries(zim, 2);
      assertEquals(List.of(0, 0), journal.stream().map(CallbackDelivery::status).toList());
      assertTrue(journal.get(0).failure().contains("Connect"), journal.get(0).failure());
    }
  }

  @Test
  void resetDropsTheJournalAndPendingRetries() throws Exception {
    receiver.answer(500);
    try (ZimSimulator zim = simulator(CallbackSettings.builder().retryDelays(List.of(Duration.ofMillis(300))))) {
      zim.seedRoom("r");
      new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "r");
      receiver.await(1, WAIT);
      zim.reset();
      Thread.sleep(600);
      assertEquals(1, receiver.received().size(), "the retry was dropped");
      assertEquals(List.of(), zim.callbackDeliveries());
    }
  }

  @Test
  void withoutCallbacksNothingIsSent() throws Exception {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("r").start()) {
      assertEquals(0, code(new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock).get("DestroyRoom", "RoomId", "r")));
      Thread.sleep(200);
      assertEquals(List.of(), zim.callbackDeliveries());
      assertEquals(List.of(), receiver.received());
    }
  }
}
