package dev.zimclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The callback settings: ZEGO's pauses by default, a URL that can be POSTed to, a secret kept out of sight. */
class CallbackSettingsTest {

  @Test
  void zegosPausesAreTheDefaultAndCanBeCompressed() {
    CallbackSettings settings = CallbackSettings.of("https://example.test/zim", "s3cret");
    assertEquals(List.of(2L, 4L, 8L, 16L, 32L), settings.retryDelays().stream().map(Duration::toSeconds).toList());
    assertEquals(List.of(2L, 4L, 8L, 16L, 32L), CallbackSettings.builder().url("http://127.0.0.1:1/").secret("s")
        .retryDelaysCompressed(1000).build().retryDelays().stream().map(Duration::toMillis).toList());
  }

  @Test
  void theSecretIsNeverShown() {
    CallbackSettings settings = CallbackSettings.of("https://example.test/zim", "s3cret");
    assertFalse(settings.toString().contains("s3cret"), settings.toString());
    assertFalse(CallbackSettings.builder().secret("s3cret").toString().contains("s3cret"));
  }

  @Test
  void onlyAbsoluteHttpUrlsAndNonEmptySecretsAreAccepted() {
    for (String url : List.of("ftp://example.test/", "/relative", "mailto:a@b.test", "http:///nohost", "not a url")) {
      assertThrows(IllegalArgumentException.class, () -> CallbackSettings.builder().url(url), url);
    }
    assertThrows(IllegalArgumentException.class, () -> CallbackSettings.builder().secret(""));
    assertThrows(IllegalStateException.class, () -> CallbackSettings.builder().url("http://127.0.0.1/").build());
    assertThrows(IllegalArgumentException.class,
        () -> CallbackSettings.builder().retryDelays(List.of(Duration.ofSeconds(-1))));
    assertThrows(IllegalArgumentException.class, () -> CallbackSettings.builder().attemptTimeout(Duration.ZERO));
  }
}
