package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.generated.ZimReturnCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every business code an action documents in {@code x-zim-return-codes}, and any other code one of
 * its response examples answers, reaches the caller of the blocking method and of its
 * {@code Async} twin as the exception type of the code's catalogue category (the oracle is
 * {@link DocumentedAnswersTest#TYPES}), with the answer's code, message and request ID. That each
 * documented code has an example is {@link DocumentedAnswersTest}'s.
 */
class EveryActionReturnCodeTest extends UnpacedWireMockSupport {
  /** Each response example of each action that answers a code other than 0. */
  static Stream<Arguments> errorExamples() {
    ZimSpec spec = ZimSpec.get();
    return spec.actions().stream().sorted().flatMap(action -> spec.operation(action).examples().keySet().stream()
        .sorted()
        .filter(name -> spec.exampleCode(action, name) != 0)
        .map(name -> Arguments.of(action, spec.exampleCode(action, name), name)));
  }

  @ParameterizedTest(name = "{0} {1} ({2})")
  @MethodSource("errorExamples")
  void codeIsThrownAsItsCategorysType(String action, int code, String example) {
    SpecCalls.ActionMethods methods = SpecCalls.methods(action);
    stub(action(action).willReturn(example(action, example)));
    Object api = client.create(methods.api());
    Object[] arguments = SpecCalls.validArguments(action);

    ZimApiException blocking = assertThrows(ZimApiException.class,
        () -> SpecCalls.invoke(api, methods.blocking(), arguments));
    CompletionException async = assertThrows(CompletionException.class,
        () -> ((CompletableFuture<?>) SpecCalls.invoke(api, methods.async(), arguments)).join());

    ZimReturnCode entry = blocking.returnCode().orElseThrow(() -> new AssertionError(code + " is not in the catalogue"));
    Class<? extends ZimApiException> expected = DocumentedAnswersTest.TYPES.get(entry.category());
    assertNotNull(expected, entry.category() + " has no exception type in the oracle");
    assertSame(expected, blocking.getClass(), code + " is " + entry.category() + ", so " + expected.getSimpleName());
    assertSame(expected, async.getCause().getClass(), "the Async twin fails with the same type");
    assertEquals(code, blocking.code());
    assertEquals(action, blocking.action());
    JsonNode answer = SpecCalls.tree(ZimSpec.get().example(action, example));
    assertEquals(answer.path("Message").asText(), blocking.serverMessage());
    assertEquals(answer.path("RequestId").isMissingNode() ? null : answer.path("RequestId").asText(), blocking.requestId());
    assertEquals(2, requests().size(), "one attempt per call");
  }
}
