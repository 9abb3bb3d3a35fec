package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.DestroyRoomResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing the client ends what it started: its threads, its connections and its pending calls. */
class CloseTest {
  LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void closeLeavesNoThreadOrConnectionOfTheClient() throws Exception {
    Set<Thread> before = Threads.live();
    ZimClient client = builder().rateLimiterFactory(ZimRateLimiters.unlimited()).build();
    RoomApi rooms = client.create(RoomApi.class);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String room = "room-" + i;
      calls.add(i % 2 == 0
          ? callers.submit(() -> rooms.destroyRoom(room, null))
          : callers.submit(() -> rooms.destroyRoomAsync(room, null).get(10, TimeUnit.SECONDS)));
    }
    for (Future<?> call : calls) {
      call.get(30, TimeUnit.SECONDS);
    }
    callers.shutdown();
    assertTrue(server.openConnections() > 0, "pooled connections stayed open before close");

    client.close();

    List<String> left = Threads.awaitGone(before, Threads::isClientThread, Duration.ofSeconds(5));
    assertTrue(left.isEmpty(), "client threads left after close: " + left);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, server.openConnections(), "connections left open after close");
  }

  @Test
  void asyncCallsWaitingForAPermitEndWhenTheClientCloses() throws Exception {
    ZimClient client = builder().rateLimit("DestroyRoom", 1, Duration.ofSeconds(5))
        .maxRateLimitWait(Duration.ofSeconds(60)).deadline(Duration.ofSeconds(60)).build();
    RoomApi rooms = client.create(RoomApi.class);
    rooms.destroyRoom("first", null); // takes the permit of the next 5 s
    List<CompletableFuture<DestroyRoomResponse>> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(rooms.destroyRoomAsync("room-" + i, null));
    }

    client.close();

    assertEveryCallEndsTyped(waiting, Duration.ofSeconds(2));
    assertEquals(1, server.requests(), "nothing was sent after close");
  }

  @Test
  void asyncCallsInBackoffEndWhenTheClientCloses() throws Exception {
    server.script(LoopbackServer.respond(200, "application/json", "{\"Code\":1,\"Message\":\"busy\"}"));
    ZimClient client = builder().rateLimiterFactory(ZimRateLimiters.unlimited()).maxAttempts(5)
        .backoff(Duration.ofSeconds(5), Duration.ofSeconds(5)).deadline(Duration.ofSeconds(60)).build();
    RoomApi rooms = client.create(RoomApi.class);
    List<CompletableFuture<DestroyRoomResponse>> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(rooms.destroyRoomAsync("room-" + i, null));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requests() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    client.close();

    assertEveryCallEndsTyped(waiting, Duration.ofSeconds(2));
  }

  @Test
  void anAsyncCallInFlightEndsWhenTheClientCloses() throws Exception {
    server.script(LoopbackServer.silent());
    ZimClient client = builder().rateLimiterFactory(ZimRateLimiters.unlimited())
        .readTimeout(Duration.ofSeconds(30)).deadline(Duration.ofSeconds(60)).build();
    CompletableFuture<DestroyRoomResponse> inFlight = client.create(RoomApi.class).destroyRoomAsync("room-1", null);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requests() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    client.close();

    assertEveryCallEndsTyped(List.of(inFlight), Duration.ofSeconds(2));
  }

  @Test
  void aBlockingCallInFlightEndsWhenTheClientCloses() throws Exception {
    server.script(LoopbackServer.silent());
    ZimClient client = builder().rateLimiterFactory(ZimRateLimiters.unlimited())
        .readTimeout(Duration.ofSeconds(30)).deadline(Duration.ofSeconds(60)).build();
    RoomApi rooms = client.create(RoomApi.class);
    CompletableFuture<DestroyRoomResponse> caller = CompletableFuture.supplyAsync(() -> rooms.destroyRoom("room-1", null));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requests() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    client.close();

    assertEveryCallEndsTyped(List.of(caller), Duration.ofSeconds(2));
  }

  @Test
  void callsAfterCloseAreRefusedTyped() throws Exception {
    ZimClient client = builder().build();
    RoomApi rooms = client.create(RoomApi.class);
    client.close();
    ZimException e = org.junit.jupiter.api.Assertions.assertThrows(ZimException.class, () -> rooms.destroyRoom("room-1", null));
    org.junit.jupiter.api.Assertions.assertFalse(e.isRetryable());
    assertEveryCallEndsTyped(List.of(rooms.destroyRoomAsync("room-1", null)), Duration.ofSeconds(1));
    assertEquals(0, server.requests());
  }

  @Test
  void cancellingTheFutureStopsTheAttemptOnTheWire() throws Exception {
    server.script(LoopbackServer.silent());
    try (ZimClient client = builder().rateLimiterFactory(ZimRateLimiters.unlimited())
        .readTimeout(Duration.ofSeconds(30)).deadline(Duration.ofSeconds(60)).build()) {
      CompletableFuture<DestroyRoomResponse> call = client.create(RoomApi.class).destroyRoomAsync("room-1", null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.openConnections() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(call.cancel(true));
      while (server.openConnections() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(0, server.openConnections(), "the connection of the cancelled attempt was closed");
    }
  }

  private static void assertEveryCallEndsTyped(List<CompletableFuture<DestroyRoomResponse>> calls, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    for (CompletableFuture<DestroyRoomResponse> call : calls) {
      try {
        call.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        fail("a call finished normally after close");
      } catch (TimeoutException e) {
        fail("a pending call never ended after close");
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof ZimException)) {
          fail("a pending call ended with a foreign exception", e.getCause());
        }
      }
    }
  }

  private ZimClientBuilder builder() {
    return ZimClient.builder()
        .appId(1234567890L)
        .serverSecret("0123456789abcdef0123456789abcdef")
        .endpoint(server.baseUrl());
  }
}
