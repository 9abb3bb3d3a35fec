package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain http carries the signature in the clear, so it is accepted only where the host, as OkHttp
 * will connect to it, is a loopback literal or the name localhost; every other spelling is refused.
 */
class PlainHttpEndpointTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:8080/",
      "http://127.0.0.1/",
      "http://127.1.2.3:8080/",
      "http://127.255.255.254:1/",
      "http://localhost:8080/",
      "http://LOCALHOST:8080/",
      "http://LocalHost/base",
      "http://[::1]:8080/",
      "http://[0:0:0:0:0:0:0:1]:8080/",
      "http://[::ffff:127.0.0.1]:8080/",
      "HTTP://127.0.0.1:8080/"})
  void loopbackIsAccepted(String url) {
    try (ZimClient client = builder().endpoint(url).build()) {
      assertEquals("http", client.endpoint().scheme());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://zim-api.zego.im/",
      "HTTP://ZIM-API.ZEGO.IM/",
      "http://example.com:8080/",
      "http://10.0.0.1/",
      "http://192.168.1.10:8080/",
      "http://172.16.0.1/",
      "http://0.0.0.0:8080/",
      "http://[::]:8080/",
      "http://[::2]:8080/",
      "http://[fe80::1]:8080/",
      "http://128.0.0.1/",
      "http://126.0.0.1/",
      "http://127.0.0.1.nip.io/",
      "http://localhost.example.com/",
      "http://localhostt/",
      "http://2130706433/",
      "http://127.1/",
      "http://0x7f000001/",
      "http://127.0.0.1@example.com/",
      "http://localhost:8080@example.com/",
      "http://example.com#@127.0.0.1/",
      "http://example.com\\@127.0.0.1/",
      "http://example.com/127.0.0.1/"})
  void anyOtherHostIsRefused(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().endpoint(url));
    assertTrue(e.getMessage().contains("https"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://zim-api.zego.im/", "https://example.com:8443/base", "https://10.0.0.1/"})
  void httpsIsAcceptedForAnyHost(String url) {
    assertDoesNotThrow(() -> builder().endpoint(url).build().close());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/", "ws://localhost/", "127.0.0.1:8080", "//localhost/", ""})
  void nonHttpUrlsAreRefused(String url) {
    assertThrows(IllegalArgumentException.class, () -> builder().endpoint(url));
  }

  private static ZimClientBuilder builder() {
    return ZimClient.builder().appId(1).serverSecret("0123456789abcdef0123456789abcdef");
  }
}
