package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.DestroyRoomResponse;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * 20,000 DestroyRoom calls from 32 threads, blocking and async mixed, against the simulator with
 * 5% of answers "server busy": every call ends exactly once, in success or a typed error; the
 * gateway's journal and the client's outcomes agree one to one; no nonce is sent twice; and once
 * the client is closed none of its threads or connections is left.
 */
class LoadAccountingTest {
  static final int CALLS = 20_000;
  static final int THREADS = 32;
  static final int MAX_ATTEMPTS = 3;
  static final long APP_ID = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  /** How one call ended: its response or its failure. */
  record Ending(DestroyRoomResponse value, Throwable failure) {}

  @Test
  void everyCallEndsOnceAndTheJournalAgrees() throws Exception {
    ZimSimulator.Builder gatewayBuilder = ZimSimulator.builder().app(APP_ID, SECRET).noRateLimits()
        .busyProbability(0.05).journalCapacity(CALLS * MAX_ATTEMPTS);
    for (int i = 0; i < CALLS; i++) {
      gatewayBuilder.seedRoom(room(i));
    }
    Set<Thread> threadsBefore = Threads.live();
    AtomicReferenceArray<Ending> endings = new AtomicReferenceArray<>(CALLS);
    List<String> doubleEndings = java.util.Collections.synchronizedList(new ArrayList<>());
    long started;
    long elapsedMillis;
    int port;
    try (ZimSimulator gateway = gatewayBuilder.start()) {
      port = gateway.port();
      ZimClient client = ZimClient.builder().appId(APP_ID).serverSecret(SECRET).endpoint(gateway.baseUrl())
          .rateLimiterFactory(ZimRateLimiters.unlimited())
          .maxAttempts(MAX_ATTEMPTS)
          .backoff(Duration.ofMillis(2), Duration.ofMillis(10))
          .deadline(Duration.ofSeconds(30))
          .build();
      RoomApi rooms = client.create(RoomApi.class);
      started = System.nanoTime();
      ExecutorService callers = Executors.newFixedThreadPool(THREADS);
      List<Future<List<CompletableFuture<DestroyRoomResponse>>>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        workers.add(callers.submit(() -> {
          List<CompletableFuture<DestroyRoomResponse>> async = new ArrayList<>();
          for (int i = first; i < CALLS; i += THREADS) {
            int call = i;
            if (call % 2 == 0) {
              try {
                end(endings, doubleEndings, call, new Ending(rooms.destroyRoom(room(call), null), null));
              } catch (RuntimeException e) {
                end(endings, doubleEndings, call, new Ending(null, e));
              }
            } else {
              CompletableFuture<DestroyRoomResponse> future = rooms.destroyRoomAsync(room(call), null);
              future.whenComplete((value, failure) -> end(endings, doubleEndings, call, new Ending(value, failure)));
              async.add(future);
            }
          }
          return async;
        }));
      }
      for (Future<List<CompletableFuture<DestroyRoomResponse>>> worker : workers) {
        for (CompletableFuture<DestroyRoomResponse> future : worker.get(60, TimeUnit.SECONDS)) {
          future.handle((v, e) -> null).get(60, TimeUnit.SECONDS);
        }
      }
      elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      callers.shutdown();
      assertTrue(TcpConnections.established(port) > 0, "pooled connections are seen while the client is open");
      client.close();

      Map<String, Integer> tally = checkEveryCallEndedOnceTyped(endings, doubleEndings);
      int requests = reconcile(gateway.journal(), endings);
      List<String> leftThreads = Threads.awaitGone(threadsBefore, Threads::isClientThread, Duration.ofSeconds(5));
      assertTrue(leftThreads.isEmpty(), "client threads left after close: " + leftThreads);
      assertEquals(0, TcpConnections.awaitNoneEstablished(port, Duration.ofSeconds(5)),
          "connections to the gateway left open after close");
      Figures.record("load: " + CALLS + " DestroyRoom, " + THREADS + " threads, 5% busy",
          elapsedMillis + " ms (" + CALLS * 1000L / Math.max(1, elapsedMillis) + " calls/s), " + requests
              + " requests, outcomes " + tally + ", 0 nonces reused, 0 threads/connections left");
    }
  }

  private static void end(AtomicReferenceArray<Ending> endings, List<String> doubleEndings, int call, Ending ending) {
    if (!endings.compareAndSet(call, null, ending)) {
      doubleEndings.add("call " + call + " ended twice: " + endings.get(call) + " then " + ending);
    }
  }

  private static Map<String, Integer> checkEveryCallEndedOnceTyped(AtomicReferenceArray<Ending> endings,
      List<String> doubleEndings) {
    assertTrue(doubleEndings.isEmpty(), doubleEndings.toString());
    Map<String, Integer> tally = new TreeMap<>();
    for (int i = 0; i < CALLS; i++) {
      Ending ending = endings.get(i);
      if (ending == null) {
        fail("call " + i + " never ended");
      }
      if (ending.failure() != null && !(ending.failure() instanceof ZimException)) {
        fail("call " + i + " ended with a foreign exception", ending.failure());
      }
      String kind = ending.failure() == null ? "success" : ending.failure().getClass().getSimpleName();
      tally.merge(kind, 1, Integer::sum);
    }
    return tally;
  }

  /**
   * Each journal entry belongs to exactly one call (by its room); a call's entries are its
   * attempts: busy answers, then its final answer, whose RequestId the client reported.
   */
  private static int reconcile(List<JournalEntry> journal, AtomicReferenceArray<Ending> endings) {
    Map<String, List<JournalEntry>> byRoom = new HashMap<>();
    Set<String> nonces = new HashSet<>();
    for (JournalEntry entry : journal) {
      assertTrue(nonces.add(entry.nonce()), "nonce sent twice: " + entry.nonce());
      Object room = entry.params().get("RoomId");
      assertTrue(room instanceof String, "an entry without a RoomId: " + entry);
      byRoom.computeIfAbsent((String) room, k -> new ArrayList<>()).add(entry);
    }
    assertEquals(CALLS, byRoom.size(), "every call reached the gateway, and nothing else did");
    for (int i = 0; i < CALLS; i++) {
      List<JournalEntry> attempts = byRoom.get(room(i));
      assertTrue(attempts != null && attempts.size() <= MAX_ATTEMPTS, "call " + i + ": " + attempts);
      for (JournalEntry retried : attempts.subList(0, attempts.size() - 1)) {
        assertEquals(1, retried.code(), "only busy answers are retried, call " + i);
      }
      JournalEntry last = attempts.get(attempts.size() - 1);
      Ending ending = endings.get(i);
      if (ending.failure() == null) {
        assertEquals(0, last.code(), "call " + i);
        assertEquals(last.requestId(), ending.value().requestId(), "call " + i);
      } else if (ending.failure() instanceof ZimApiException api) {
        assertEquals(last.code(), api.code(), "call " + i);
        assertEquals(last.requestId(), api.requestId(), "call " + i);
        assertEquals(MAX_ATTEMPTS, attempts.size(), "a busy call ends only after its attempts, call " + i);
      } else {
        fail("call " + i + " ended with " + ending.failure() + " though the gateway answered " + attempts);
      }
    }
    return journal.size();
  }

  private static String room(int i) {
    return "load-" + i;
  }
}
