package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.api.RoomApi;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any RoomId and FromUserId the spec allows, of every length from 1 to 32, reaches the server
 * unchanged, however a server decodes the query: '+', '&', '#', '%', '=', '?' and space included.
 */
class ValidIdsArriveByteExactTest {
  static final Set<String> EXPECTED_KEYS = Set.of("Action", "RoomId", "FromUserId", "AppId", "SignatureNonce",
      "Timestamp", "SignatureVersion", "Signature");

  static LoopbackServer server;
  static ZimClient client;
  static RoomApi rooms;
  static final BitSet roomIdLengths = new BitSet();
  static final BitSet fromUserIdLengths = new BitSet();
  static int tries;
  static long startedNanos;

  @BeforeContainer
  static void start() throws Exception {
    server = new LoopbackServer();
    client = server.clientBuilder()
        .maxAttempts(1)
        .build();
    rooms = client.create(RoomApi.class);
    startedNanos = System.nanoTime();
  }

  @AfterContainer
  static void stop() throws Exception {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    client.close();
    server.close();
    for (int length = 1; length <= IdProperties.MAX_BYTES; length++) {
      assertTrue(roomIdLengths.get(length), "no RoomId of length " + length + " was tried");
      assertTrue(fromUserIdLengths.get(length), "no FromUserId of length " + length + " was tried");
    }
    assertEquals(tries, server.requests(), "one request per try");
    Figures.record("hostile input: valid RoomId + FromUserId pairs arrive byte-exact",
        tries + " calls, " + millis + " ms, 0 mismatches");
  }

  @Property(tries = 10_000)
  void roomIdAndFromUserIdArriveByteForByte(@ForAll("ids") String roomId, @ForAll("ids") String fromUserId,
      @ForAll boolean async) throws Exception {
    tries++;
    roomIdLengths.set(roomId.length());
    fromUserIdLengths.set(fromUserId.length());
    int code = async
        ? rooms.destroyRoomAsync(roomId, fromUserId).get(10, TimeUnit.SECONDS).code()
        : rooms.destroyRoom(roomId, fromUserId).code();
    assertEquals(0, code);

    String target = server.lastTarget();
    for (Map<String, List<String>> query : List.of(RawQuery.strict(target), RawQuery.form(target))) {
      assertEquals(List.of(roomId), query.get("RoomId"), target);
      assertEquals(List.of(fromUserId), query.get("FromUserId"), target);
      assertEquals(List.of("DestroyRoom"), query.get("Action"), target);
      assertEquals(EXPECTED_KEYS, query.keySet(), "nothing split off or added: " + target);
    }
  }

  @Provide
  Arbitrary<String> ids() {
    // Lengths drawn uniformly so that every length from 1 to 32 is tried many times.
    return Arbitraries.integers().between(1, IdProperties.MAX_BYTES)
        .flatMap(length -> Arbitraries.strings().withChars(IdProperties.ALLOWED.toCharArray()).ofLength(length));
  }
}
