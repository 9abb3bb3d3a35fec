package dev.zimclient.spring.boot.callback;

import static dev.zimclient.spring.boot.callback.ZimCallbackAutoConfigurationTest.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.callback.ZimCallbackListener;
import dev.zimclient.client.callback.ZimCallbackSignature;
import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.BeforeSendMsgCallback;
import dev.zimclient.generated.model.BeforeSendMsgReply;
import dev.zimclient.generated.model.RoomDestroyCallback;
import dev.zimclient.simulator.CallbackSettings;
import dev.zimclient.simulator.ZimSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC application on Tomcat, on a loopback port, whose controller serves callbacks with
 * the helper: the simulator's signed callbacks reach its listener, refusals and replies go back.
 */
@SpringBootTest(classes = ZimCallbackWebHandlerTest.CallbackApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"zim.callback.secret=" + SECRET, "zim.callback.replay-protection=true", "server.address=127.0.0.1"})
class ZimCallbackWebHandlerTest {
  static final BlockingQueue<ZimCallback> RECEIVED = new LinkedBlockingQueue<>();
  static final long APP_ID = 3_000_003L;
  static final String SERVER_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  /** The application under test: a listener bean and a controller that uses the helper. */
  @SpringBootConfiguration
  // Spring MVC on Tomcat and the callback auto-configuration only: the starter's optional Boot 4
  // health module, on this Boot 3.5 classpath for compiling, must not be auto-configured here.
  @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
      WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, ZimCallbackAutoConfiguration.class})
  static class CallbackApplication {
    @Bean
    ZimCallbackListener listener() {
      return callback -> {
        RECEIVED.add(callback);
        return callback instanceof BeforeSendMsgCallback message && message.msgBody().contains("spam")
            ? BeforeSendMsgReply.builder().result(3).reason("spam").build()
            : null;
      };
    }

    @RestController
    static class CallbackController {
      private final ZimCallbackWebHandler callbacks;

      CallbackController(ZimCallbackWebHandler callbacks) {
        this.callbacks = callbacks;
      }

      @PostMapping("/zim/callbacks")
      ResponseEntity<String> callbacks(@RequestHeader(name = "Content-Type", required = false) String type,
          @RequestBody(required = false) byte[] body) {
        return callbacks.handle(type, body);
      }
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  ZimCallbackWebHandler handler;

  @BeforeEach
  void clear() {
    RECEIVED.clear();
  }

  private HttpResponse<String> post(String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/zim/callbacks"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String beforeSendMsg(String secret, String nonce, String text) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    return "{\"appid\":\"1\",\"event\":\"before_send_msg\",\"timestamp\":" + timestamp + ",\"nonce\":\"" + nonce
        + "\",\"signature\":\"" + ZimCallbackSignature.compute(secret, timestamp, nonce)
        + "\",\"from_user_id\":\"ann\",\"msg_type\":1,\"msg_body\":\"" + text + "\"}";
  }

  @Test
  void theSimulatorsCallbacksForARoomReachTheListener() throws Exception {
    try (ZimSimulator simulator = ZimSimulator.builder().app(APP_ID, SERVER_SECRET)
            .seedRoomUsers("lobby", List.of("ann", "ben"))
            .callbacks(CallbackSettings.builder().url("http://127.0.0.1:" + port + "/zim/callbacks").secret(SECRET)
                .retryDelaysCompressed(100).build())
            .start();
        ZimClient client = ZimClient.builder().appId(APP_ID).serverSecret(SERVER_SECRET)
            .endpoint(simulator.baseUrl()).build()) {
      client.create(RoomApi.class).destroyRoom("lobby", "ann");
      RoomDestroyCallback destroyed = assertInstanceOf(RoomDestroyCallback.class, RECEIVED.poll(10, TimeUnit.SECONDS));
      assertEquals("lobby", destroyed.roomId());
      assertEquals(List.of("ann", "ben"), destroyed.userIds());
      assertEquals(Long.toString(APP_ID), destroyed.appid());
    }
  }

  @Test
  void beforeSendMsgIsAnsweredWithTheListenersReply() throws Exception {
    HttpResponse<String> refused = post(beforeSendMsg(SECRET, "11", "buy spam now"));
    assertEquals(200, refused.statusCode());
    assertEquals("{\"result\":3,\"reason\":\"spam\"}", refused.body());
    assertEquals("application/json;charset=UTF-8", refused.headers().firstValue("Content-Type").orElse(""));
    assertNotNull(RECEIVED.poll());

    HttpResponse<String> neutral = post(beforeSendMsg(SECRET, "12", "hello"));
    assertEquals("{}", neutral.body());
  }

  @Test
  void refusalsAreAnsweredWithTheirStatusAndReason() throws Exception {
    HttpResponse<String> forged = post(beforeSendMsg("not-the-secret", "13", "hello"));
    assertEquals(401, forged.statusCode());
    assertEquals("BAD_SIGNATURE", forged.body());
    assertEquals(400, post("not json").statusCode());
    String once = beforeSendMsg(SECRET, "14", "hello");
    assertEquals(200, post(once).statusCode());
    assertEquals("REPLAYED", post(once).body());
    assertEquals(1, RECEIVED.size(), "only the first delivery was handed on");
  }

  @Test
  void theHelperIsTheAutoConfiguredOne() {
    assertEquals(200, handler.handle(null, beforeSendMsg(SECRET, "15", "direct").getBytes()).getStatusCode().value());
  }
}
