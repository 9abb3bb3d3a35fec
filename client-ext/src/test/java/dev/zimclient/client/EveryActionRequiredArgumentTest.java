package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.error.ZimInvalidParameterException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every required argument of every action, left out, is refused by the blocking method and by its
 * {@code Async} twin with a {@link ZimInvalidParameterException} naming it, before anything is
 * sent: each required query parameter, each required field of the request body, and each required
 * field of an object in the body (named by its path, e.g. {@code Attributes[0].Key}).
 */
class EveryActionRequiredArgumentTest extends UnpacedWireMockSupport {
  static Stream<Arguments> omissions() {
    return ZimSpec.get().actions().stream().sorted()
        .flatMap(action -> SpecCalls.omissions(action).stream().map(omission -> Arguments.of(action, omission)));
  }

  static Stream<String> actionsWithABody() {
    return ZimSpec.get().actions().stream().sorted().filter(action -> SpecCalls.bodyIndex(action) >= 0);
  }

  @Test
  void everyActionWithARequiredArgumentIsChecked() {
    // An action whose every argument is optional has nothing to leave out; any other is listed.
    List<String> without = ZimSpec.get().actions().stream().sorted()
        .filter(action -> SpecCalls.omissions(action).isEmpty())
        .filter(action -> SpecCalls.queryParameters(ZimSpec.get().operation(action)).values().stream()
            .anyMatch(parameter -> Boolean.TRUE.equals(parameter.getRequired())) || SpecCalls.bodyIndex(action) >= 0)
        .toList();
    assertEquals(List.of(), without, "actions with required arguments but nothing to leave out");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("omissions")
  void missingRequiredArgumentIsNamedAndNothingIsSent(String action, SpecCalls.Omission omission) {
    SpecCalls.ActionMethods methods = SpecCalls.methods(action);
    stub(action(action).willReturn(example(action, "success")));
    Object api = client.create(methods.api());

    ZimInvalidParameterException blocking = assertThrows(ZimInvalidParameterException.class,
        () -> SpecCalls.invoke(api, methods.blocking(), omission.arguments()));
    assertEquals(omission.path(), blocking.parameter(), blocking.getMessage());
    assertTrue(blocking.getMessage().startsWith(omission.path() + " "), blocking.getMessage());

    ZimInvalidParameterException async = assertThrows(ZimInvalidParameterException.class,
        () -> SpecCalls.invoke(api, methods.async(), omission.arguments()), "thrown at once, not through the future");
    assertEquals(omission.path(), async.parameter(), async.getMessage());
  }

  @ParameterizedTest
  @MethodSource("actionsWithABody")
  void missingBodyIsRefusedAndNothingIsSent(String action) {
    SpecCalls.ActionMethods methods = SpecCalls.methods(action);
    Object api = client.create(methods.api());
    Object[] arguments = SpecCalls.validArguments(action);
    arguments[SpecCalls.bodyIndex(action)] = null;

    ZimInvalidParameterException blocking = assertThrows(ZimInvalidParameterException.class,
        () -> SpecCalls.invoke(api, methods.blocking(), arguments));
    assertThrows(ZimInvalidParameterException.class, () -> SpecCalls.invoke(api, methods.async(), arguments));
    assertTrue(!blocking.parameter().isBlank(), "the exception names the missing body: '" + blocking.getMessage() + "'");
  }

  @AfterEach
  void nothingWasSent() {
    assertEquals(List.of(), requests(), "requests sent despite a missing argument");
  }
}
