package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimInvalidParameterException;
import dev.zimclient.generated.api.RoomApi;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every invalid RoomId or FromUserId (a character outside the set, too long in UTF-8 bytes, empty,
 * or a missing RoomId) is rejected before anything is sent, with a message that names the
 * parameter and the cause.
 */
class InvalidIdsRejectedTest {
  /** What is wrong with a value. */
  enum Flaw { BAD_CHARACTER, TOO_LONG, EMPTY, MISSING }

  /** An invalid value and the words its rejection must contain, in order. */
  record Invalid(String parameter, String value, Flaw flaw, List<String> cause) {}

  static LoopbackServer server;
  static ZimClient client;
  static RoomApi rooms;
  static final Map<Flaw, AtomicInteger> triedRoomId = new EnumMap<>(Flaw.class);
  static final Map<Flaw, AtomicInteger> triedFromUserId = new EnumMap<>(Flaw.class);
  static long startedNanos;

  @BeforeContainer
  static void start() throws Exception {
    server = new LoopbackServer();
    client = server.clientBuilder()
        .build();
    rooms = client.create(RoomApi.class);
    for (Flaw flaw : Flaw.values()) {
      triedRoomId.put(flaw, new AtomicInteger());
      triedFromUserId.put(flaw, new AtomicInteger());
    }
    startedNanos = System.nanoTime();
  }

  @AfterContainer
  static void stop() throws Exception {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    client.close();
    server.close();
    assertEquals(0, server.requests(), "nothing invalid was sent");
    for (Flaw flaw : Flaw.values()) {
      assertTrue(triedRoomId.get(flaw).get() > 100, "too few RoomId tries of " + flaw);
      if (flaw != Flaw.MISSING) {
        assertTrue(triedFromUserId.get(flaw).get() > 100, "too few FromUserId tries of " + flaw);
      }
    }
    int total = triedRoomId.values().stream().mapToInt(AtomicInteger::get).sum()
        + triedFromUserId.values().stream().mapToInt(AtomicInteger::get).sum();
    Figures.record("hostile input: invalid RoomId/FromUserId rejected before sending",
        total + " values (RoomId " + triedRoomId + ", FromUserId " + triedFromUserId + "), " + millis
            + " ms, 0 requests sent");
  }

  @Property(tries = 10_000)
  void invalidIdIsRejectedBeforeAnythingIsSent(@ForAll("invalid") Invalid invalid, @ForAll("valid") String other,
      @ForAll boolean async) {
    boolean room = invalid.parameter().equals("RoomId");
    (room ? triedRoomId : triedFromUserId).get(invalid.flaw()).incrementAndGet();
    String roomId = room ? invalid.value() : other;
    String fromUserId = room ? other : invalid.value();

    ZimInvalidParameterException e = assertThrows(ZimInvalidParameterException.class,
        () -> {
          if (async) {
            rooms.destroyRoomAsync(roomId, fromUserId);
          } else {
            rooms.destroyRoom(roomId, fromUserId);
          }
        });

    assertEquals(invalid.parameter(), e.parameter());
    assertTrue(e.getMessage().startsWith(invalid.parameter() + " "), e.getMessage());
    int at = invalid.parameter().length();
    for (String words : invalid.cause()) {
      int found = e.getMessage().indexOf(words, at);
      assertTrue(found >= 0, "'" + e.getMessage() + "' lacks '" + words + "'");
      at = found + words.length();
    }
    assertEquals(0, server.requests(), "sent despite " + invalid);
  }

  @Provide
  Arbitrary<String> valid() {
    return Arbitraries.strings().withChars(IdProperties.ALLOWED.toCharArray()).ofMinLength(1).ofMaxLength(32);
  }

  @Provide
  Arbitrary<Invalid> invalid() {
    Arbitrary<String> parameter = Arbitraries.of("RoomId", "FromUserId");
    return Arbitraries.oneOf(
        Combinators.combine(parameter, badCharacter()).as((p, v) -> v.withParameter(p)),
        Combinators.combine(parameter, tooLong()).as((p, v) -> v.withParameter(p)),
        parameter.map(p -> new Invalid(p, "", Flaw.EMPTY, List.of("must not be empty"))),
        Arbitraries.just(new Invalid("RoomId", null, Flaw.MISSING, List.of("is required"))));
  }

  /** Up to 32 bytes with one character outside the set, so that the character is the cause. */
  private Arbitrary<Draft> badCharacter() {
    Arbitrary<String> part = Arbitraries.strings().withChars(IdProperties.ALLOWED.toCharArray()).ofMaxLength(14);
    Arbitrary<Integer> bad = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 0x7F).filter(c -> !IdProperties.isAllowed(c))),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x80, 0xFFFF)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xD800, 0xDFFF)), // a lone surrogate
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    return Combinators.combine(part, bad, part).as((prefix, codePoint, suffix) -> {
      String value = prefix + new String(Character.toChars(codePoint)) + suffix;
      String cause = String.format("(U+%04X) at index %d, which is not allowed", codePoint, prefix.length());
      return new Draft(value, Flaw.BAD_CHARACTER, List.of(" contains ", cause));
    });
  }

  /** Over 32 bytes in UTF-8: long ASCII, or few characters of several bytes each. */
  private Arbitrary<Draft> tooLong() {
    Arbitrary<String> ascii = Arbitraries.strings().withChars(IdProperties.ALLOWED.toCharArray())
        .ofMinLength(33).ofMaxLength(300);
    Arbitrary<String> multiByte = Arbitraries.strings().withCharRange('\u0080', '\uD7FF')
        .ofMinLength(11).ofMaxLength(32)
        .filter(s -> s.getBytes(StandardCharsets.UTF_8).length > IdProperties.MAX_BYTES);
    return Arbitraries.oneOf(ascii, multiByte).map(value -> new Draft(value, Flaw.TOO_LONG,
        List.of(" is " + value.getBytes(StandardCharsets.UTF_8).length + " bytes in UTF-8, more than the 32 allowed")));
  }

  /** An invalid value before the parameter is chosen. */
  record Draft(String value, Flaw flaw, List<String> cause) {
    Invalid withParameter(String parameter) {
      return new Invalid(parameter, value, flaw, cause);
    }
  }
}
