package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.zimclient.client.callback.ZimCallbackHttpHandler;
import dev.zimclient.client.callback.ZimCallbackNonceStore;
import dev.zimclient.client.callback.ZimCallbackReceiver;
import dev.zimclient.client.callback.ZimCallbackRefusedException;
import dev.zimclient.client.callback.ZimCallbackSignature;
import dev.zimclient.client.callback.ZimCallbackVerifier;
import dev.zimclient.simulator.CallbackSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The callback receiver's share of the secret scan: a verifier and its HTTP handler, keyed with
 * the scan's secret, accept, refuse and fail while logging as in production; their objects and
 * refusals are handed back to be searched.
 */
final class CallbackScenarios {
  private CallbackScenarios() {}

  /**
   * Runs the scenarios; adds to {@code derived} the signatures computed from {@code secret} that
   * were never sent, which must show nowhere either.
   */
  static List<Object> run(String secret, Set<String> derived) throws Exception {
    List<Object> shown = new ArrayList<>();
    ZimCallbackVerifier.Builder builder = ZimCallbackVerifier.builder().callbackSecret(secret).replayProtection();
    ZimCallbackVerifier verifier = builder.build();
    AtomicBoolean failNext = new AtomicBoolean(true);
    ZimCallbackReceiver receiver = new ZimCallbackReceiver(verifier, callback -> {
      if (failNext.getAndSet(false)) {
        throw new IllegalStateException("the listener failed on " + callback);
      }
      return null;
    });
    ZimCallbackHttpHandler handler = new ZimCallbackHttpHandler(receiver);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/zim", handler);
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/zim");
      long now = Instant.now().getEpochSecond();
      String good = body(secret, now, "1001");
      assertEquals(500, post(url, good), "the listener's failure");
      assertEquals(200, post(url, good), "accepted");
      assertEquals(200, post(url, good), "a replay, acknowledged");
      derived.add(ZimCallbackSignature.compute(secret, Long.toString(now), "1002"));
      assertEquals(401, post(url, body("another-secret", now, "1002")), "a wrong signature");
      assertEquals(401, post(url, body(secret, now - 7200, "1003")), "stale");
      assertEquals(400, post(url, "{\"appid\":"), "not JSON");
    } finally {
      server.stop(0);
    }
    for (String bad : List.of(body("another-secret", Instant.now().getEpochSecond(), "1004"), "x=%zz", "{}")) {
      shown.add(assertThrows(ZimCallbackRefusedException.class,
          () -> verifier.verify(bad.getBytes(StandardCharsets.UTF_8))));
    }
    shown.addAll(List.of(builder, verifier, receiver, handler, receiver.tooLarge(), ZimCallbackNonceStore.inMemory(1),
        CallbackSettings.of("http://127.0.0.1:9/zim", secret), CallbackSettings.builder().secret(secret)));
    return shown;
  }

  private static String body(String secret, long timestamp, String nonce) {
    return "{\"appid\":\"1\",\"event\":\"room_destroy\",\"timestamp\":" + timestamp + ",\"nonce\":\"" + nonce
        + "\",\"signature\":\"" + ZimCallbackSignature.compute(secret, Long.toString(timestamp), nonce)
        + "\",\"room_id\":\"r\"}";
  }

  private static int post(URI url, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
