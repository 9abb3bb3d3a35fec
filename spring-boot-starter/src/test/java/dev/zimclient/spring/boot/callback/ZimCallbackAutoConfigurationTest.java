package dev.zimclient.spring.boot.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.callback.ZimCallbackListener;
import dev.zimclient.client.callback.ZimCallbackReceiver;
import dev.zimclient.client.callback.ZimCallbackRefusedException;
import dev.zimclient.client.callback.ZimCallbackSignature;
import dev.zimclient.client.callback.ZimCallbackVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The callback auto-configuration in real Spring contexts: what it makes, from which properties. */
class ZimCallbackAutoConfigurationTest {
  static final String SECRET = "callback-secret-of-the-starter-test";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ZimCallbackAutoConfiguration.class));

  static byte[] roomEnter(Instant at, String nonce, String appId) {
    String timestamp = Long.toString(at.getEpochSecond());
    return ("{\"appid\":\"" + appId + "\",\"event\":\"room_enter\",\"timestamp\":" + timestamp + ",\"nonce\":\"" + nonce
        + "\",\"signature\":\"" + ZimCallbackSignature.compute(SECRET, timestamp, nonce) + "\",\"room_id\":\"r\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void withoutASecretNothingIsMade() {
    runner.run(context -> assertTrue(context.getBeansOfType(ZimCallbackVerifier.class).isEmpty()));
  }

  @Test
  void aSecretMakesAVerifierThatKeepsItOutOfSight() {
    runner.withPropertyValues("zim.callback.secret=" + SECRET).run(context -> {
      ZimCallbackVerifier verifier = context.getBean(ZimCallbackVerifier.class);
      assertEquals("r", ((dev.zimclient.generated.model.RoomEnterCallback)
          verifier.verify(roomEnter(Instant.now(), "1", "7"))).roomId());
      assertFalse(verifier.toString().contains(SECRET), verifier.toString());
      assertFalse(context.getBean(ZimCallbackProperties.class).toString().contains(SECRET));
      assertTrue(context.getBeansOfType(ZimCallbackReceiver.class).isEmpty(), "no listener, no receiver");
      assertTrue(context.getBeansOfType(ZimCallbackWebHandler.class).isEmpty());
    });
  }

  @Test
  void thePropertiesShapeTheVerifier() {
    runner.withPropertyValues("zim.callback.secret=" + SECRET, "zim.callback.app-id=7",
        "zim.callback.timestamp-window=30s", "zim.callback.max-body-bytes=200", "zim.callback.replay-protection=true")
        .run(context -> {
          ZimCallbackVerifier verifier = context.getBean(ZimCallbackVerifier.class);
          byte[] body = roomEnter(Instant.now(), "2", "7");
          verifier.verify(body);
          assertEquals(ZimCallbackRefusedException.Reason.REPLAYED, refusal(verifier, body));
          assertEquals(ZimCallbackRefusedException.Reason.APP_MISMATCH, refusal(verifier, roomEnter(Instant.now(), "3", "8")));
          assertEquals(ZimCallbackRefusedException.Reason.STALE_TIMESTAMP,
              refusal(verifier, roomEnter(Instant.now().minusSeconds(31), "4", "7")));
          assertEquals(ZimCallbackRefusedException.Reason.TOO_LARGE, refusal(verifier, new byte[201]));
        });
  }

  @Test
  void aListenerBeanGetsAReceiverAndTheControllerHelper() {
    runner.withPropertyValues("zim.callback.secret=" + SECRET)
        .withBean(ZimCallbackListener.class, () -> callback -> null)
        .run(context -> {
          assertEquals(1, context.getBeansOfType(ZimCallbackReceiver.class).size());
          assertEquals(200, context.getBean(ZimCallbackWebHandler.class)
              .handle("application/json", roomEnter(Instant.now(), "5", "7")).getStatusCode().value());
        });
  }

  @Test
  void withoutSpringWebThereIsNoControllerHelper() {
    runner.withPropertyValues("zim.callback.secret=" + SECRET)
        .withClassLoader(new FilteredClassLoader("org.springframework.http"))
        .withBean(ZimCallbackListener.class, () -> callback -> null)
        .run(context -> {
          assertEquals(1, context.getBeansOfType(ZimCallbackReceiver.class).size());
          assertTrue(context.getBeansOfType(ZimCallbackWebHandler.class).isEmpty());
        });
  }

  private static ZimCallbackRefusedException.Reason refusal(ZimCallbackVerifier verifier, byte[] body) {
    return assertThrows(ZimCallbackRefusedException.class, () -> verifier.verify(body)).reason();
  }
}
