package dev.zimclient.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gate against fixture specs: each kind of break fails it, compatible additions pass. */
class CompatibilityGateTest {
  static final String BASE = fixture("base");

  static Stream<Arguments> breaks() {
    return Stream.of(
        Arguments.of("removed-action", "operation GET /?Action=QueryRoomUserList was removed"),
        Arguments.of("newly-required-parameter",
            "DestroyRoom (GET /?Action=DestroyRoom): parameter FromUserId in query became required"),
        Arguments.of("added-required-parameter",
            "QueryRoomUserList (GET /?Action=QueryRoomUserList): new required parameter Mode in query"),
        Arguments.of("narrowed-length",
            "DestroyRoom (GET /?Action=DestroyRoom): parameter RoomId in query maxLength 32 -> 16"),
        Arguments.of("narrowed-range",
            "QueryRoomUserList (GET /?Action=QueryRoomUserList): parameter Limit in query range [0, 500] -> [0, 100]"),
        Arguments.of("changed-type",
            "QueryRoomUserList (GET /?Action=QueryRoomUserList): parameter NextFlag in query changed type string -> integer"),
        Arguments.of("removed-response-field",
            "QueryRoomUserList (GET /?Action=QueryRoomUserList): response 200 field Count was removed"),
        Arguments.of("removed-code", "return code 660300001 (ROOM_NOT_FOUND) was removed from x-zim-return-codes"),
        Arguments.of("reclassified-code",
            "return code 660300001 (ROOM_NOT_FOUND) was re-classified: category not-found -> server-error"),
        Arguments.of("renamed-code",
            "return code 660300001 (ROOM_NOT_FOUND) was re-classified: name ROOM_NOT_FOUND -> NO_SUCH_ROOM"),
        Arguments.of("undocumented-code", "DestroyRoom no longer documents return code 660300001"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breaks")
  void breakFailsTheGateWithAReadableReport(String fixture, String expected) {
    GateReport report = CompatibilityGate.compare(BASE, fixture(fixture));
    assertFalse(report.compatible(), report.render());
    assertTrue(report.breaks().contains(expected), report.render());
    assertTrue(report.render().contains("copy the spec over the baseline"), report.render());
  }

  @Test
  void reclassificationReportsEachChangedField() {
    GateReport report = CompatibilityGate.compare(BASE, fixture("reclassified-code"));
    assertEquals(List.of(
        "return code 660300001 (ROOM_NOT_FOUND) was re-classified: retry class permanent -> retryable",
        "return code 660300001 (ROOM_NOT_FOUND) was re-classified: category not-found -> server-error"),
        report.breaks());
  }

  @Test
  void compatibleAdditionsPass() {
    GateReport report = CompatibilityGate.compare(BASE, fixture("compatible-addition"));
    assertTrue(report.compatible(), report.render());
    assertTrue(report.details().contains("/?Action=KickoutRoomUser"), "openapi-diff saw the new action:\n" + report.details());
  }

  @Test
  void identicalSpecsPass() {
    GateReport report = CompatibilityGate.compare(BASE, BASE);
    assertTrue(report.compatible(), report.render());
  }

  static String fixture(String name) {
    try (InputStream in = CompatibilityGateTest.class.getResourceAsStream("/gate/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture gate/" + name + ".yaml");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
