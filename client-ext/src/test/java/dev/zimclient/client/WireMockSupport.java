package dev.zimclient.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.zimclient.generated.api.RoomApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server on loopback and a client pointed at it. Every request the server receives and
 * every response it returns is checked against the spec; a test fails with the validator's report.
 */
abstract class WireMockSupport {
  static final long APP_ID = 1234567890L;
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  static WireMockServer server;
  static SpecValidationListener contract;
  ZimClient client;
  RoomApi rooms;
  private String offSpecResponsesReason;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    contract = SpecValidationListener.forProjectSpec();
    server.addMockServiceRequestListener(contract);
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void newClient() {
    server.resetAll();
    contract.reset();
    offSpecResponsesReason = null;
    client = clientBuilder().build();
    rooms = client.create(RoomApi.class);
  }

  @AfterEach
  void closeClientAndCheckTheContract() {
    client.close();
    assertEquals(List.of(), contract.requestViolations(), "requests the spec does not allow");
    if (offSpecResponsesReason == null) {
      assertEquals(List.of(), contract.responseViolations(), "stubbed responses the spec does not allow");
    }
  }

  /**
   * Lets this test's stubs answer outside the spec, e.g. malformed bodies or faults; requests are
   * still checked. Only for tests about what the client does with such answers.
   */
  void allowResponsesOffSpec(String reason) {
    offSpecResponsesReason = reason;
  }

  ZimClientBuilder clientBuilder() {
    return ZimClient.builder()
        .appId(APP_ID)
        .serverSecret(SECRET)
        .endpoint("http://127.0.0.1:" + server.port() + "/")
        .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
        .throttledBackoff(Duration.ofMillis(10));
  }

  static MappingBuilder destroyRoom() {
    return get(urlPathEqualTo("/")).withQueryParam("Action",
        com.github.tomakehurst.wiremock.client.WireMock.equalTo("DestroyRoom"));
  }

  /** Any request for the action, whatever its method; the contract check covers the method. */
  static MappingBuilder action(String action) {
    return any(urlPathEqualTo("/")).withQueryParam("Action",
        com.github.tomakehurst.wiremock.client.WireMock.equalTo(action));
  }

  /** A 200 answer whose body is one of the spec's response examples of the action. */
  static ResponseDefinitionBuilder example(String action, String name) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(ZimSpec.get().example(action, name));
  }

  /** An envelope with any code of the catalogue; prefer {@link #example} for an action's own codes. */
  static ResponseDefinitionBuilder envelope(int code, String message) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"Code\":" + code + ",\"Message\":\"" + message + "\",\"RequestId\":\"req-" + code + "\"}");
  }

  static void stub(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  static List<LoggedRequest> requests() {
    return server.findAll(anyRequestedFor(urlPathEqualTo("/")));
  }

  /** The query exactly as sent, decoded strictly: %XX escapes only, '+' stays '+'. */
  static Map<String, List<String>> rawQuery(LoggedRequest request) {
    // Split by hand: java.net.URI refuses the raw brackets of array keys such as UserId[].
    String url = request.getUrl();
    String query = url.substring(url.indexOf('?') + 1);
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  static String first(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null ? null : values.get(0);
  }

  private static String percentDecode(String text) {
    byte[] out = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        out[n++] = (byte) Integer.parseInt(text.substring(i + 1, i + 3), 16);
        i += 2;
      } else {
        out[n++] = (byte) c;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }
}
