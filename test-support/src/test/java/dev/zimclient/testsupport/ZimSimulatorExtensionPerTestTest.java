package dev.zimclient.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A simulator per test (instance field), and the client's policies against the simulator's. */
class ZimSimulatorExtensionPerTestTest {

  private static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

  @RegisterExtension
  final ZimSimulatorExtension zim =
      ZimSimulatorExtension.builder()
          .app(4242, "per-test-secret")
          .simulator(s -> s.seedRoom("r"))
          .client(c -> c.backoff(Duration.ofMillis(5), Duration.ofMillis(20)).maxAttempts(2))
          .build();

  @Test
  void eachTestHasItsOwnSimulator() {
    assertTrue(PORTS.add(zim.simulator().port()) || PORTS.size() > 1);
    assertEquals(List.of(), zim.simulator().journal());
    zim.api(RoomApi.class).destroyRoom("r", null);
  }

  @Test
  void eachTestHasItsOwnSimulatorToo() {
    assertTrue(PORTS.add(zim.simulator().port()) || PORTS.size() > 1);
    assertEquals(Set.of("r"), zim.simulator().rooms());
    zim.api(RoomApi.class).destroyRoom("r", null);
  }

  @Test
  void theClientRecoversFromASkewedServerClockThroughTheDateHeader(ZimClient client) {
    zim.simulator().faults().clockOffset(Duration.ofMinutes(11));
    assertEquals(0, client.create(RoomApi.class).destroyRoom("r", null).code());
    List<JournalEntry> journal = zim.simulator().journal();
    assertEquals(List.of(100000004, 0), journal.stream().map(JournalEntry::code).toList());
    long learned = client.clockOffset().toSeconds();
    assertTrue(Math.abs(learned - 660) <= 2, learned + " s");
  }

  @Test
  void aBusyServerIsRetriedThenReported(RoomApi rooms) {
    zim.simulator().faults().busyProbability(1.0);
    ZimApiException busy = assertThrows(ZimApiException.class, () -> rooms.destroyRoom("r", null));
    assertEquals(1, busy.code());
    assertEquals(List.of(1, 1), zim.simulator().journal().stream().map(JournalEntry::code).toList());
    assertEquals(Set.of("r"), zim.simulator().rooms());
  }

  @Test
  void moreCallsThanOneWindowAllowsAreSpreadOverWindows(RoomApi rooms) {
    List<CompletableFuture<Integer>> calls = IntStream.range(0, 24)
        .mapToObj(i -> rooms.destroyRoomAsync("room-" + i, null)
            .handle((ok, error) -> codeOf(error)))
        .toList();
    // Every call ends in the room's own answer: the client's pacing keeps to the limit, or,
    // should scheduling bunch two requests into one window, it retries the simulator's throttle.
    assertEquals(Set.of(660300001), calls.stream().map(CompletableFuture::join).collect(Collectors.toSet()));
    List<Integer> codes = zim.simulator().journal().stream().map(JournalEntry::code).toList();
    assertEquals(24, codes.stream().filter(c -> c == 660300001).count(), codes.toString());
    assertTrue(codes.stream().allMatch(c -> c == 660300001 || c == 660300005), codes.toString());
  }

  private static int codeOf(Throwable error) {
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    return cause instanceof ZimApiException api ? api.code() : -1;
  }

}
