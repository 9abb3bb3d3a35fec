package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.reliability.Calls.Mode;
import dev.zimclient.client.reliability.Calls.Outcome;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the gateway's clock 15 minutes off either way, the first call is told 100000004, learns the
 * offset from the Date header, signs again and succeeds with one extra attempt; later calls are
 * signed with the corrected time at once, and the application sees the offset.
 */
class ClockSkewTest {
  static final long APP_ID = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  /** The Date header has whole seconds; the exchange itself takes a moment. */
  static final Duration TOLERANCE = Duration.ofSeconds(3);

  static Stream<Arguments> skews() {
    return Stream.of(Duration.ofMinutes(15), Duration.ofMinutes(-15)).flatMap(skew ->
        Stream.of(Mode.values()).map(mode -> Arguments.of(skew, mode)));
  }

  @ParameterizedTest(name = "gateway clock {0} off ({1})")
  @MethodSource("skews")
  void firstCallLearnsTheOffsetAndLaterCallsUseIt(Duration skew, Mode mode) {
    List<Duration> heard = new CopyOnWriteArrayList<>();
    try (ZimSimulator gateway = ZimSimulator.builder().app(APP_ID, SECRET).clockOffset(skew)
            .seedRoom("room-1").seedRoom("room-2").seedRoom("room-3").start();
        ZimClient client = ZimClient.builder().appId(APP_ID).serverSecret(SECRET).endpoint(gateway.baseUrl())
            .clockOffsetListener(heard::add).build()) {
      RoomApi rooms = client.create(RoomApi.class);

      Outcome first = Calls.destroyRoom(rooms, mode, "room-1", null, Duration.ofSeconds(30));

      assertEquals(0, first.value() == null ? -1 : first.value().code(), String.valueOf(first.failure()));
      List<JournalEntry> journal = gateway.journal();
      assertEquals(2, journal.size(), "one extra attempt: " + codes(journal));
      assertEquals(100000004, journal.get(0).code(), "the local clock's signature was refused");
      assertEquals(0, journal.get(1).code());
      assertNear(skew, client.clockOffset(), "offset learned");
      assertEquals(1, heard.size(), "the listener heard the change once");
      assertNear(skew, heard.get(0), "offset the listener heard");
      assertNear(Duration.ZERO, Duration.between(journal.get(1).receivedAt(), timestampOf(journal.get(1))),
          "the retry was signed with the gateway's time");

      for (String room : List.of("room-2", "room-3")) {
        Outcome later = Calls.destroyRoom(rooms, mode, room, null, Duration.ofSeconds(30));
        assertEquals(0, later.value().code(), String.valueOf(later.failure()));
      }
      journal = gateway.journal();
      assertEquals(4, journal.size(), "later calls needed no extra attempt: " + codes(journal));
      for (JournalEntry entry : journal.subList(2, 4)) {
        assertNear(Duration.ZERO, Duration.between(entry.receivedAt(), timestampOf(entry)), "later call's Timestamp");
      }
      assertEquals(1, heard.size(), "the offset did not change again");
      Figures.record("clock skew: gateway " + skew.toMinutes() + " min off (" + mode + ")",
          "first call " + first.millis() + " ms, 2 attempts (100000004, 0); later calls 1 attempt; offset "
              + client.clockOffset().toSeconds() + " s");
    }
  }

  private static Instant timestampOf(JournalEntry entry) {
    return Instant.ofEpochSecond(Long.parseLong(entry.timestamp()));
  }

  private static void assertNear(Duration expected, Duration actual, String what) {
    assertTrue(actual.minus(expected).abs().compareTo(TOLERANCE) <= 0, what + ": " + actual + ", expected ~" + expected);
  }

  private static List<Integer> codes(List<JournalEntry> journal) {
    return journal.stream().map(JournalEntry::code).toList();
  }
}
