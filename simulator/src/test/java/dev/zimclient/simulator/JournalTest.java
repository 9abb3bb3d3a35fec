package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class JournalTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;
  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L, 123_000_000));

  @Test
  void recordsEachRequestAndItsAnswer() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedRoom("r 1").start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      HttpUrl url = client.url("DestroyRoom", "RoomId", "r 1", "FromUserId", "admin");
      Map<String, Object> first = client.get(url);
      Map<String, Object> second = client.get("Nope");

      List<JournalEntry> journal = zim.journal();
      assertEquals(2, journal.size());
      JournalEntry entry = journal.get(0);
      assertEquals(clock.instant(), entry.receivedAt());
      assertEquals("GET", entry.method());
      assertEquals("DestroyRoom", entry.action());
      assertEquals(OptionalLong.of(APP_ID), entry.appId());
      assertEquals(Map.of("RoomId", "r 1", "FromUserId", "admin"), entry.params());
      assertEquals(url.encodedQuery(), entry.rawQuery());
      assertEquals(url.queryParameter("SignatureNonce"), entry.nonce());
      assertEquals("1700000000", entry.timestamp());
      assertEquals(0, entry.code());
      assertTrue(entry.succeeded());
      assertEquals("success", entry.message());
      assertEquals(first.get("RequestId"), entry.requestId());
      assertEquals("", entry.body());

      JournalEntry rejected = journal.get(1);
      assertEquals("Nope", rejected.action());
      assertEquals(100000007, rejected.code());
      assertEquals(second.get("Message"), rejected.message());
      assertFalse(rejected.succeeded());

      zim.clearJournal();
      assertEquals(List.of(), zim.journal());
    }
  }

  @Test
  void recordsMalformedRequestsToo() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).start()) {
      Map<String, Object> answer = TestGatewayClient.execute(new okhttp3.Request.Builder().url(zim.baseUrl() + "?AppId=x").build());
      assertEquals(100000006, code(answer));
      JournalEntry entry = zim.journal().get(0);
      assertEquals(null, entry.action());
      assertEquals(OptionalLong.empty(), entry.appId());
      assertEquals("AppId=x", entry.rawQuery());
    }
  }

  @Test
  void keepsOnlyTheNewestEntriesPastItsCapacity() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).journalCapacity(2).start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      for (String room : List.of("a", "b", "c")) {
        client.get("DestroyRoom", "RoomId", room);
      }
      assertEquals(List.of("b", "c"), zim.journal().stream().map(e -> e.params().get("RoomId")).toList());
    }
  }

  @Test
  void concurrentRequestsAreAllRecorded() throws Exception {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).noRateLimits().start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Map<String, Object>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String room = "r" + i;
          answers.add(pool.submit(() -> client.get("DestroyRoom", "RoomId", room)));
        }
        for (Future<Map<String, Object>> answer : answers) {
          assertEquals(660300001, code(answer.get()));
        }
      } finally {
        pool.shutdown();
      }
      List<JournalEntry> journal = zim.journal();
      assertEquals(40, journal.size());
      assertEquals(40, journal.stream().map(JournalEntry::requestId).distinct().count());
      assertEquals(40, journal.stream().map(JournalEntry::nonce).distinct().count());
    }
  }
}
