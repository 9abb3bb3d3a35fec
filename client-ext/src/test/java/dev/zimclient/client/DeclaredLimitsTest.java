package dev.zimclient.client;

import dev.zimclient.client.error.ZimRateLimitExceededException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each action has a limiter of its own. That each is the limit its operation declares in
 * {@code x-zim-rate-limit}, every window of it, is {@link EveryActionRateLimitTest}'s.
 */
class DeclaredLimitsTest extends WireMockSupport {
  @Test
  void eachActionHasItsOwnLimiter() {
    client.close();
    client = clientBuilder().rateLimit("CreateRoom", 1, Duration.ofSeconds(30))
        .maxRateLimitWait(Duration.ofMillis(200)).build();
    ZimSpec.get().actions().forEach(action -> stub(action(action).willReturn(example(action, "success"))));

    ActionCalls.blocking(client, "CreateRoom");
    assertThrows(ZimRateLimitExceededException.class, () -> ActionCalls.blocking(client, "CreateRoom"));
    ZimSpec.get().actions().stream().sorted().forEach(action -> {
      if (!action.equals("CreateRoom")) {
        ActionCalls.blocking(client, action);
      }
    });

    assertEquals(ZimSpec.get().actions().size(), requests().size(), "one CreateRoom and one of every other action");
  }
}
