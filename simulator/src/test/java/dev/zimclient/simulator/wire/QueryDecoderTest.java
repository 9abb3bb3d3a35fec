package dev.zimclient.simulator.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryDecoderTest {

  @Test
  void rawPlusIsASpaceAndEncodedPlusIsAPlus() {
    DecodedQuery q = QueryDecoder.decode("A=a+b&B=a%2Bb&C=a%20b");
    assertEquals(Optional.of("a b"), q.first("A"));
    assertEquals(Optional.of("a+b"), q.first("B"));
    assertEquals(Optional.of("a b"), q.first("C"));
  }

  @Test
  void reservedCharactersSurviveWhenEncoded() {
    DecodedQuery q = QueryDecoder.decode("RoomId=%26%23%25%3D%3F&Next=x");
    assertEquals(Optional.of("&#%=?"), q.first("RoomId"));
    assertEquals(Optional.of("x"), q.first("Next"));
  }

  @Test
  void decodesUtf8() {
    assertEquals(Optional.of("é中"), QueryDecoder.decode("N=%C3%A9%E4%B8%AD").first("N"));
    // Raw UTF-8, which the HTTP server has read as such already.
    assertEquals(Optional.of("é中x"), QueryDecoder.decode("N=é中%78").first("N"));
  }

  @Test
  void aRawReplacementCharacterIsBrokenInput() {
    // The HTTP server puts U+FFFD where raw bytes were not UTF-8; escaped, it is a character.
    DecodedQuery q = QueryDecoder.decode("A=a\uFFFD&B=%EF%BF%BD");
    assertEquals(List.of("A"), List.copyOf(q.malformed()));
    assertEquals(Optional.of("\uFFFD"), q.first("B"));
  }

  @Test
  void arrayKeysRawOrEncodedShareTheBaseName() {
    DecodedQuery q = QueryDecoder.decode("UserId[]=a&UserId%5B%5D=b&UserId%5b%5d=c&UserId=d");
    assertEquals(List.of("a", "b", "c", "d"), q.values("UserId"));
  }

  @Test
  void brokenEncodingDropsThePairAndNamesIt() {
    DecodedQuery q = QueryDecoder.decode("RoomId=a%zz&X=%4&Y=%C3%28&Ok=1&Bad%G1=2");
    assertEquals(List.of(), q.values("RoomId"));
    assertEquals(Optional.of("1"), q.first("Ok"));
    assertEquals(List.of("RoomId", "X", "Y", "Bad%G1"), List.copyOf(q.malformed()));
  }

  @Test
  void emptyPiecesAndMissingEquals() {
    DecodedQuery q = QueryDecoder.decode("&&A&B=&=v&C==x");
    assertEquals(Map.of("A", List.of(""), "B", List.of(""), "", List.of("v"), "C", List.of("=x")), q.asMap());
    assertTrue(q.nonEmpty("A").isEmpty());
    assertTrue(QueryDecoder.decode(null).asMap().isEmpty());
  }
}
