package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.squareup.moshi.JsonAdapter;
import dev.zimclient.generated.ZimEnvelope;
import dev.zimclient.generated.ZimParam;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action of the spec, called through its generated blocking method and its {@code Async} twin
 * with arguments built from the spec, sends a request the spec allows and returns the spec's
 * {@code success} example as its record. No action is named here: the list is the spec's.
 */
class EveryActionContractTest extends UnpacedWireMockSupport {
  static Stream<String> actions() {
    return ZimSpec.get().actions().stream().sorted();
  }

  @Test
  void everyActionHasOneBlockingAndOneAsyncMethodAndEveryMethodHasAnAction() {
    assertEquals(List.of(), SpecCalls.problems());
  }

  @Test
  void everyInterfaceServesSomeAction() {
    for (Class<?> api : SpecCalls.APIS) {
      assertTrue(actions().anyMatch(action -> SpecCalls.methods(action).api() == api), api + " serves no action");
    }
  }

  @ParameterizedTest
  @MethodSource("actions")
  void successExampleComesBackAsItsRecord(String action) throws IOException {
    SpecCalls.ActionMethods methods = SpecCalls.methods(action);
    String example = ZimSpec.get().example(action, "success");
    stub(action(action).willReturn(example(action, "success")));
    Object api = client.create(methods.api());
    Object[] arguments = SpecCalls.validArguments(action);

    Object blocking = SpecCalls.invoke(api, methods.blocking(), arguments);
    Object async = ((CompletableFuture<?>) SpecCalls.invoke(api, methods.async(), arguments)).join();

    JsonAdapter<Object> adapter = SpecCalls.MOSHI.adapter(methods.responseType());
    Object expected = adapter.fromJson(example);
    assertInstanceOf(ZimEnvelope.class, blocking);
    assertEquals(0, ((ZimEnvelope) blocking).code());
    assertEquals(expected, blocking, "the blocking method returns the example's record");
    assertEquals(expected, async, "the Async twin returns the example's record");
    assertTrue(SpecCalls.sameJson(SpecCalls.tree(example), SpecCalls.tree(adapter.toJson(expected))),
        "the record keeps every field of the example: " + example + " came back as " + adapter.toJson(expected));

    List<LoggedRequest> sent = requests();
    assertEquals(2, sent.size(), "one request per call");
    for (LoggedRequest request : sent) {
      assertEquals(ZimSpec.get().operation(action).method().name(), request.getMethod().getName());
      assertEquals(List.of(action), rawQuery(request).get("Action"));
      if (methods.hasBody()) {
        JsonNode body = SpecCalls.tree(request.getBodyAsString());
        assertTrue(SpecCalls.sameJson(SpecCalls.requestExample(action), body),
            "the body sent is the spec's request example: " + SpecCalls.requestExampleJson(action) + " was sent as "
                + request.getBodyAsString());
      } else {
        assertQueryHolds(methods, arguments, rawQuery(request));
      }
    }
    // The requests, and the example as a response, are checked against the spec after each test.
  }

  /** Each argument given is in the query under its wire name, every item of an array as one value. */
  private static void assertQueryHolds(SpecCalls.ActionMethods methods, Object[] arguments,
      Map<String, List<String>> query) {
    java.lang.annotation.Annotation[][] annotations = methods.blocking().getParameterAnnotations();
    for (int i = 0; i < arguments.length; i++) {
      String name = Stream.of(annotations[i]).filter(ZimParam.class::isInstance).map(ZimParam.class::cast)
          .findFirst().orElseThrow().name();
      List<String> expected = arguments[i] == null ? null
          : arguments[i] instanceof Collection<?> items ? items.stream().map(String::valueOf).toList()
          : List.of(String.valueOf(arguments[i]));
      assertEquals(expected, query.get(name), name + " in the query");
    }
  }
}
