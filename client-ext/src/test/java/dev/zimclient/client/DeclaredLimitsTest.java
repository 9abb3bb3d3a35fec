package dev.zimclient.client;

import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.client.limit.ZimActionLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zimclient.generated.api.RoomApi;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each action is paced by the limit its own operation declares in {@code x-zim-rate-limit}. */
class DeclaredLimitsTest extends WireMockSupport {
  static Stream<String> actions() {
    return ZimSpec.get().actions().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("actions")
  void limitInForceIsTheOneTheSpecDeclares(String action) {
    stub(action(action).willReturn(example(action, "success")));
    ActionCalls.BLOCKING.get(action).apply(rooms);

    Map<String, Object> declared = ZimSpec.get().operation(action).rateLimit();
    ZimActionLimit limit = client.rateLimit(action).orElseThrow();
    assertEquals(action, limit.action());
    assertEquals(((Number) declared.get("permits")).intValue(), limit.permits());
    assertEquals(Duration.ofSeconds(((Number) declared.get("periodSeconds")).longValue()), limit.period());
    assertEquals(declared.get("scope").toString().toUpperCase(Locale.ROOT), limit.scope().name());
  }

  @Test
  void eachActionHasItsOwnLimiter() {
    client.close();
    client = clientBuilder().rateLimit("CreateRoom", 1, Duration.ofSeconds(30))
        .maxRateLimitWait(Duration.ofMillis(50)).build();
    RoomApi api = client.create(RoomApi.class);
    ZimSpec.get().actions().forEach(action -> stub(action(action).willReturn(example(action, "success"))));

    ActionCalls.BLOCKING.get("CreateRoom").apply(api);
    assertThrows(ZimRateLimitExceededException.class, () -> ActionCalls.BLOCKING.get("CreateRoom").apply(api));
    ActionCalls.BLOCKING.forEach((action, call) -> {
      if (!action.equals("CreateRoom")) {
        call.apply(api);
      }
    });

    assertEquals(ZimSpec.get().actions().size(), requests().size(), "one CreateRoom and one of every other action");
  }
}
