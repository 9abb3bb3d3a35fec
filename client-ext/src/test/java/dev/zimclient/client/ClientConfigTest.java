package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.ZimRegion;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void defaultsToTheUnifiedHost() {
    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).build()) {
      assertEquals("https://zim-api.zego.im/", client.endpoint().toString());
    }
  }

  @Test
  void regionShortcutUsesTheSpecsHost() {
    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).region(ZimRegion.FRANKFURT).build()) {
      assertEquals("https://zim-api-fra.zego.im/", client.endpoint().toString());
    }
  }

  @Test
  void plainHttpOnlyForLoopback() {
    ZimClientBuilder builder = ZimClient.builder().appId(1).serverSecret(SECRET);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.endpoint("http://zim-api.zego.im/"));
    assertTrue(e.getMessage().contains("https"));
    builder.endpoint("http://127.0.0.1:8080/zim");
    builder.endpoint("http://localhost:8080/");
    try (ZimClient client = builder.endpoint("http://[::1]:8080/base").build()) {
      assertEquals("/base/", client.endpoint().encodedPath(), "a base path keeps its trailing slash");
    }
  }

  @Test
  void requiredSettingsAreChecked() {
    assertThrows(IllegalStateException.class, () -> ZimClient.builder().serverSecret(SECRET).build());
    assertThrows(IllegalStateException.class, () -> ZimClient.builder().appId(1).build());
    assertThrows(IllegalArgumentException.class, () -> ZimClient.builder().appId(0));
    assertThrows(IllegalArgumentException.class, () -> ZimClient.builder().appId(1L << 32));
    assertThrows(IllegalArgumentException.class, () -> ZimClient.builder().serverSecret(" "));
    assertThrows(IllegalArgumentException.class, () -> ZimClient.builder().maxAttempts(0));
  }

  @Test
  void secretNeverShowsInToString() {
    ZimClientBuilder builder = ZimClient.builder().appId(42).serverSecret(SECRET);
    assertFalse(builder.toString().contains(SECRET));
    try (ZimClient client = builder.build()) {
      assertFalse(client.toString().contains(SECRET));
      assertTrue(client.toString().contains("42"));
    }
  }

  @Test
  void givenOkHttpClientIsSharedAndLeftOpen() {
    OkHttpClient shared = new OkHttpClient();
    ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).okHttpClient(shared).build();
    client.close();
    assertFalse(shared.dispatcher().executorService().isShutdown());
    shared.dispatcher().executorService().shutdown();
  }
}
