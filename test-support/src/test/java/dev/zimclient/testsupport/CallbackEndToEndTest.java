package dev.zimclient.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.callback.ZimCallbackHttpHandler;
import dev.zimclient.client.callback.ZimCallbackVerifier;
import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.api.GroupApi;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.CallbackRoomAttribute;
import dev.zimclient.generated.model.CreateGroupAttribute;
import dev.zimclient.generated.model.CreateGroupRequest;
import dev.zimclient.generated.model.CreateRoomRequest;
import dev.zimclient.generated.model.GroupCreateCallback;
import dev.zimclient.generated.model.GroupDestroyCallback;
import dev.zimclient.generated.model.RoomAttribute;
import dev.zimclient.generated.model.RoomCreateCallback;
import dev.zimclient.generated.model.RoomDestroyCallback;
import dev.zimclient.simulator.CallbackDelivery;
import dev.zimclient.simulator.CallbackSettings;
import dev.zimclient.simulator.ZimSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A receiver built as users build one (the verifier behind the JDK HTTP server adapter, on
 * loopback) gets the simulator's callbacks for what the client does: the whole path from an API
 * call to a verified, typed event, with nothing of ZEGO's in between.
 */
class CallbackEndToEndTest {
  static final String CALLBACK_SECRET = "callback-secret-end-to-end";
  static final Receiver RECEIVER = new Receiver(ZimCallbackVerifier.builder().callbackSecret(CALLBACK_SECRET)
      .appId(ZimSimulatorExtension.DEFAULT_APP_ID).replayProtection().build());

  @RegisterExtension
  static final ZimSimulatorExtension ZIM = ZimSimulatorExtension.builder()
      .simulator(s -> s.callbacks(CallbackSettings.builder().url(RECEIVER.url()).secret(CALLBACK_SECRET)
          .retryDelaysCompressed(100).build()))
      .build();

  /** The receiver: the project's handler on the JDK HTTP server, collecting what it accepts. */
  static final class Receiver {
    final BlockingQueue<ZimCallback> accepted = new LinkedBlockingQueue<>();
    final AtomicInteger failuresToCome = new AtomicInteger();
    final HttpServer server;

    Receiver(ZimCallbackVerifier verifier) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/zim/callbacks", new ZimCallbackHttpHandler(verifier, callback -> {
        if (failuresToCome.getAndDecrement() > 0) {
          throw new IllegalStateException("the application's database is down");
        }
        accepted.add(callback);
        return null;
      }));
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/zim/callbacks";
    }

    ZimCallback next() throws InterruptedException {
      ZimCallback callback = accepted.poll(10, TimeUnit.SECONDS);
      if (callback == null) {
        throw new AssertionError("no callback arrived within 10 s");
      }
      return callback;
    }
  }

  /** The simulator's delivery journal once it holds {@code count} attempts (at most 10 s from now). */
  static List<CallbackDelivery> deliveries(ZimSimulator simulator, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (simulator.callbackDeliveries().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return simulator.callbackDeliveries();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.server.stop(0);
  }

  @BeforeEach
  void clearReceiver() {
    RECEIVER.accepted.clear();
    RECEIVER.failuresToCome.set(0);
  }

  @Test
  void aRoomsLifeCycleArrivesVerifiedAndTyped(RoomApi rooms, ZimSimulator simulator) throws InterruptedException {
    Instant before = Instant.now();
    rooms.createRoom(CreateRoomRequest.builder().fromUserId("ann").roomId("chess").roomName("Chess club")
        .attributes(List.of(RoomAttribute.builder().key("topic").value("openings").autoDelete(1).build())).build());
    rooms.destroyRoom("chess", "ann");

    RoomCreateCallback created = assertInstanceOf(RoomCreateCallback.class, RECEIVER.next());
    assertEquals("chess", created.roomId());
    assertEquals("ann", created.operatorAccount());
    assertEquals("Chess club", created.roomName());
    assertEquals(List.of(CallbackRoomAttribute.builder().key("topic").value("openings").autoDelete(1).build()),
        created.attributes());
    assertEquals(Long.toString(ZimSimulatorExtension.DEFAULT_APP_ID), created.appid());
    assertTrue(created.timestamp() >= before.toEpochMilli(), "milliseconds, as ZEGO documents for rooms");

    RoomDestroyCallback destroyed = assertInstanceOf(RoomDestroyCallback.class, RECEIVER.next());
    assertEquals("chess", destroyed.roomId());
    assertEquals("ann", destroyed.operatorAccount());

    List<CallbackDelivery> journal = deliveries(simulator, 2);
    assertTrue(journal.stream().allMatch(d -> d.delivered() && d.attempt() == 1), journal.toString());
  }

  @Test
  void aGroupsLifeCycleArrivesVerifiedAndTyped(GroupApi groups) throws InterruptedException {
    groups.createGroup(CreateGroupRequest.builder().groupId("team-42").groupOwner("ann").groupName("Team 42")
        .userId(List.of("ben")).attributes(List.of(CreateGroupAttribute.builder().key("colour").value("teal").build()))
        .build());
    groups.dismissGroup("ann", "team-42");

    GroupCreateCallback created = assertInstanceOf(GroupCreateCallback.class, RECEIVER.next());
    assertEquals("team-42", created.groupId());
    assertEquals("ann", created.ownerAccount());
    assertEquals(List.of("ann", "ben"), created.userIds());
    assertEquals("teal", created.attributes().get(0).value());
    GroupDestroyCallback destroyed = assertInstanceOf(GroupDestroyCallback.class, RECEIVER.next());
    assertEquals("team-42", destroyed.groupId());
    assertEquals("ann", destroyed.ownerAccount());
    assertEquals(List.of("ann", "ben"), destroyed.userIds());
  }

  @Test
  void aReceiverThatFailsGetsTheSameCallbackAgainAndHandlesItOnce(RoomApi rooms, ZimSimulator simulator)
      throws InterruptedException {
    RECEIVER.failuresToCome.set(2);
    simulator.seedRoom("doomed");
    rooms.destroyRoom("doomed", null);

    assertEquals("doomed", ((RoomDestroyCallback) RECEIVER.next()).roomId());
    // The listener returns before the answer reaches the simulator and its journal.
    List<CallbackDelivery> journal = deliveries(simulator, 3);
    assertEquals(List.of(500, 500, 200), journal.stream().map(CallbackDelivery::status).toList());
    // ZEGO's 2 and 4 s, a hundred times shorter.
    assertEquals(List.of(Duration.ofMillis(20), Duration.ofMillis(40)),
        journal.subList(0, 2).stream().map(CallbackDelivery::nextAttemptIn).toList());
    assertNull(RECEIVER.accepted.poll(200, TimeUnit.MILLISECONDS), "handed on once");
  }

  @Test
  void callbacksSignedWithAnotherSecretAreRefusedUntilTheSimulatorGivesUp() throws InterruptedException {
    try (ZimSimulator wrong = ZimSimulator.builder().app(ZIM.appId(), ZIM.serverSecret()).seedRoom("r")
            .callbacks(CallbackSettings.builder().url(RECEIVER.url()).secret("not-the-callback-secret")
                .retryDelaysCompressed(1000).build())
            .start();
        ZimClient client = ZimClient.builder().appId(ZIM.appId()).serverSecret(ZIM.serverSecret())
            .endpoint(wrong.baseUrl()).build()) {
      client.create(RoomApi.class).destroyRoom("r", null);
      List<CallbackDelivery> journal = deliveries(wrong, 6);
      assertEquals(List.of(401, 401, 401, 401, 401, 401), journal.stream().map(CallbackDelivery::status).toList(),
          "the first attempt and ZEGO's five retries");
      assertNull(journal.get(5).nextAttemptIn());
      assertNull(RECEIVER.accepted.poll(100, TimeUnit.MILLISECONDS));
    }
  }
}
