package dev.zimclient.client;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.error.ZimAuthenticationException;
import dev.zimclient.client.error.ZimConfigurationException;
import dev.zimclient.client.error.ZimConflictException;
import dev.zimclient.client.error.ZimInvalidArgumentException;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.client.error.ZimServerErrorException;
import dev.zimclient.client.error.ZimThrottledException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.ZimEnvelope;
import dev.zimclient.generated.ZimReturnCode;
import dev.zimclient.generated.ZimReturnCode.Category;
import dev.zimclient.generated.api.RoomApi;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action of the spec, answered with each of its documented response examples, reaches the
 * caller as documented: success as the record, each code as the exception of its catalogue
 * category. Adding an action or a code to the spec makes this test ask for its call and example.
 */
class DocumentedAnswersTest extends WireMockSupport {
  static final ZimSpec SPEC = ZimSpec.get();

  /** The exception type of each category; ZimErrorMapper is the implementation, this the oracle. */
  static final Map<Category, Class<? extends ZimApiException>> TYPES = Map.of(
      Category.NOT_FOUND, ZimNotFoundException.class,
      Category.THROTTLED, ZimThrottledException.class,
      Category.AUTHENTICATION, ZimAuthenticationException.class,
      Category.INVALID_ARGUMENT, ZimInvalidArgumentException.class,
      Category.SERVER_ERROR, ZimServerErrorException.class,
      Category.CONFLICT, ZimConflictException.class,
      Category.CONFIGURATION, ZimConfigurationException.class);

  @Test
  void everyActionOfTheSpecHasACallHere() {
    assertEquals(new TreeSet<>(SPEC.actions()), new TreeSet<>(ActionCalls.BLOCKING.keySet()));
    assertEquals(new TreeSet<>(SPEC.actions()), new TreeSet<>(ActionCalls.ASYNC.keySet()));
  }

  static Stream<String> actions() {
    return SPEC.actions().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("actions")
  void everyDocumentedCodeHasAnExampleAnswer(String action) {
    Set<Integer> exampleCodes = new TreeSet<>();
    SPEC.operation(action).examples().keySet().forEach(name -> exampleCodes.add(SPEC.exampleCode(action, name)));
    assertTrue(exampleCodes.contains(0), action + " has no success example: " + exampleCodes);
    assertTrue(exampleCodes.containsAll(SPEC.operation(action).returnCodes()),
        action + " documents " + SPEC.operation(action).returnCodes() + " but has examples of " + exampleCodes);
  }

  static Stream<Arguments> examples() {
    return actions().flatMap(action -> SPEC.operation(action).examples().keySet().stream().sorted()
        .map(name -> Arguments.of(action, name)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examples")
  void exampleAnswerReachesTheCallerAsDocumented(String action, String example) {
    client.close();
    client = clientBuilder().maxAttempts(1).build();
    RoomApi api = client.create(RoomApi.class);
    stub(action(action).willReturn(example(action, example)));
    int code = SPEC.exampleCode(action, example);

    if (code == 0) {
      ZimEnvelope blocking = ActionCalls.BLOCKING.get(action).apply(api);
      ZimEnvelope async = ActionCalls.ASYNC.get(action).apply(api).join();
      assertEquals(0, blocking.code());
      assertEquals(blocking, async, "both twins read the same answer");
    } else {
      ZimApiException blocking = assertThrows(ZimApiException.class, () -> ActionCalls.BLOCKING.get(action).apply(api));
      CompletionException async = assertThrows(CompletionException.class,
          () -> ActionCalls.ASYNC.get(action).apply(api).join());
      ZimReturnCode entry = blocking.returnCode().orElseThrow(() -> new AssertionError(code + " is not in the catalogue"));
      assertEquals(code, blocking.code());
      assertEquals(action, blocking.action());
      assertSame(TYPES.get(entry.category()), blocking.getClass(), entry.category() + " maps to its type");
      assertSame(blocking.getClass(), async.getCause().getClass());
    }
    assertEquals(2, requests().size());
  }
}
