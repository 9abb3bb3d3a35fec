package dev.zimclient.client;

import dev.zimclient.client.error.ZimRateLimitExceededException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.DestroyRoomResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimitTest extends WireMockSupport {
  @Test
  void fortyCallsFromFourThreadsNeverExceedTwentyInAnySecond() throws Exception {
    // The limiter's promise is about sends: each is timed as it leaves for the network. (The
    // server's own receipt times add its scheduling jitter, tens of milliseconds on a busy host.)
    List<Long> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    okhttp3.OkHttpClient timing = new okhttp3.OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          sent.add(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
          return chain.proceed(chain.request());
        })
        .build();
    client.close();
    client = clientBuilder().okHttpClient(timing).build();
    rooms = client.create(dev.zimclient.generated.api.RoomApi.class);
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    // A cold JVM's first send lags its permit by class loading, which no limiter can see.
    rooms.destroyRoom("warm-up", null);
    server.resetRequests();
    sent.clear();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DestroyRoomResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String room = "room-" + i;
        calls.add(pool.submit(() -> rooms.destroyRoom(room, null)));
      }
      for (Future<DestroyRoomResponse> call : calls) {
        assertEquals(0, call.get().code());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(40, requests().size());
    List<Long> times = new ArrayList<>(sent);
    times.sort(null);
    assertEquals(40, times.size());
    assertTrue(maxInAnyWindow(times, 1000) <= 20, "a 1 s window held " + maxInAnyWindow(times, 1000));
    assertEquals(20, client.rateLimit("DestroyRoom").orElseThrow().permits(), "the limit came from the spec");
  }

  static int maxInAnyWindow(List<Long> sortedMillis, long windowMillis) {
    int max = 0;
    for (int start = 0, end = 0; end < sortedMillis.size(); end++) {
      while (sortedMillis.get(end) - sortedMillis.get(start) >= windowMillis) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  @Test
  void callThatCannotGetAPermitInTimeFailsAndSendsNothing() {
    client.close();
    client = clientBuilder().rateLimit("DestroyRoom", 1, Duration.ofSeconds(30))
        .maxRateLimitWait(Duration.ofMillis(100)).build();
    RoomApi api = client.create(RoomApi.class);
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    api.destroyRoom("room-1", null);
    ZimRateLimitExceededException e = assertThrows(ZimRateLimitExceededException.class,
        () -> api.destroyRoom("room-2", null));
    assertFalse(e.isRetryable());
    assertEquals(1, requests().size());
    assertEquals(1, client.rateLimit("DestroyRoom").orElseThrow().permits(), "the override replaced the spec's limit");
  }

  @Test
  void asyncCallsWaitingForPermitsDoNotHoldTheCaller() {
    client.close();
    client = clientBuilder().rateLimit("DestroyRoom", 2, Duration.ofSeconds(1)).build();
    RoomApi api = client.create(RoomApi.class);
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    List<CompletableFuture<DestroyRoomResponse>> futures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      futures.add(api.destroyRoomAsync("room-" + i, null));
    }
    // Four calls at 2/s need over a second; the caller got every future back before that.
    assertFalse(futures.get(3).isDone(), "the last call is still waiting for its permit");
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    assertEquals(4, requests().size());
  }
}
