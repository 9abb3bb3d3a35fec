package dev.zimclient.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static final SchemaRule ROOM_ID =
      SchemaRule.builder().type("string").minLength(1).maxLength(4).pattern("^[a-z ]+$").build();

  private static Optional<String> query(SchemaRule rule, boolean required, String... values) {
    return SchemaValidator.checkQuery(new ParamSpec("P", ParamLocation.QUERY, required, rule), List.of(values))
        .map(ParamViolation::message);
  }

  private static Optional<String> json(ParamSpec param, boolean present, Object value) {
    return SchemaValidator.checkJson(param, present, value).map(ParamViolation::message);
  }

  @Test
  void stringRules() {
    assertEquals(Optional.empty(), query(ROOM_ID, true, "ab c"));
    assertEquals(Optional.of("P is required"), query(ROOM_ID, true));
    assertEquals(Optional.of("P is required"), query(ROOM_ID, true, ""));
    assertEquals(Optional.empty(), query(ROOM_ID, false, ""));
    assertEquals(Optional.of("P must be at most 4 bytes long (got 5)"), query(ROOM_ID, true, "abcde"));
    // Bytes, not chars: two chars of two bytes each.
    assertEquals(Optional.of("P must be at most 4 bytes long (got 6)"), query(SchemaRule.builder().type("string").maxLength(4).build(), true, "ééé"));
    assertEquals(Optional.of("P does not match the pattern ^[a-z ]+$"), query(ROOM_ID, true, "a/b"));
    // A final $ is the end of the value, not "before a final line break" as in Java.
    assertEquals(Optional.of("P does not match the pattern ^[a-z ]+$"), query(ROOM_ID, true, "ab\n"));
  }

  @Test
  void typedQueryValues() {
    SchemaRule limit = SchemaRule.builder().type("integer").minimum(BigDecimal.ONE, false).maximum(BigDecimal.valueOf(500), false).build();
    assertEquals(Optional.empty(), query(limit, true, "500"));
    assertEquals(Optional.of("P must be at most 500"), query(limit, true, "501"));
    assertEquals(Optional.of("P must be at least 1"), query(limit, true, "0"));
    assertEquals(Optional.of("P must be an integer"), query(limit, true, "1.5"));
    SchemaRule flag = SchemaRule.builder().type("boolean").build();
    assertEquals(Optional.empty(), query(flag, true, "true"));
    assertEquals(Optional.of("P must be true or false"), query(flag, true, "1"));
    SchemaRule mode = SchemaRule.builder().type("integer").enumValues(List.of(0, 1)).build();
    assertEquals(Optional.of("P must be one of [0, 1]"), query(mode, true, "2"));
  }

  @Test
  void arraysInTheQuery() {
    SchemaRule ids = SchemaRule.builder().type("array").maxItems(2).items(ROOM_ID).build();
    assertEquals(Optional.empty(), query(ids, true, "a", "b"));
    assertEquals(Optional.of("P must have at most 2 items (got 3)"), query(ids, true, "a", "b", "c"));
    assertEquals(Optional.of("P[1] does not match the pattern ^[a-z ]+$"), query(ids, true, "a", "B"));
  }

  @Test
  void jsonValues() {
    SchemaRule item = SchemaRule.builder().type("object").property("Key", ROOM_ID, true).property("N", SchemaRule.builder().type("integer").format("int32").build(), false).build();
    ParamSpec attrs = new ParamSpec("Attrs", ParamLocation.BODY, true, SchemaRule.builder().type("array").items(item).build());
    assertEquals(Optional.empty(), json(attrs, true, List.of(Map.of("Key", "ab"))));
    assertEquals(Optional.of("Attrs[0].Key is required"), json(attrs, true, List.of(Map.of("N", 1))));
    assertEquals(Optional.of("Attrs[0].N is out of the int32 range"), json(attrs, true, List.of(Map.of("Key", "a", "N", new BigInteger("2147483648")))));
    assertEquals(Optional.of("Attrs must be an array"), json(attrs, true, "x"));
    assertEquals(Optional.of("Attrs is required"), json(attrs, false, null));
    assertEquals(Optional.of("Attrs is required"), json(attrs, true, null));
  }
}
