package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Generic serving of spec actions, the HTTP surface, lifecycle and secret hygiene. */
class ServerBehaviourTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;

  private static ZimSimulator testSpec() {
    return ZimSimulator.builder().app(APP_ID, SECRET).specResource("zim/simulator-test-spec.yaml").start();
  }

  @Test
  void anActionWithoutHandlerAnswersItsSuccessExampleWithAFreshRequestId() {
    try (ZimSimulator zim = testSpec()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, Clock.systemUTC());
      Map<String, Object> answer = client.get("QueryRoomUserList", "RoomId", "r");
      assertEquals(List.of("Code", "Message", "RequestId", "Count", "NextFlag", "UserList"), List.copyOf(answer.keySet()));
      assertEquals(0, code(answer));
      assertEquals(2, answer.get("Count"));
      assertEquals(List.of(Map.of("UserId", "u1", "UserName", "One")), answer.get("UserList"));
      assertNotEquals("4", answer.get("RequestId"));
      assertNotEquals(answer.get("RequestId"), client.get("QueryRoomUserList", "RoomId", "r").get("RequestId"));

      Map<String, Object> members = client.get("QueryRoomGuests", "RoomId", "r", "UserId[]", "u");
      assertTrue(members.containsKey("ErrorList") && members.get("ErrorList") == null, members.toString());
    }
  }

  @Test
  void anActionWithoutExampleAnswersThePlainEnvelope() {
    try (ZimSimulator zim = testSpec()) {
      Map<String, Object> answer = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, Clock.systemUTC()).get("Ping");
      assertEquals(List.of("Code", "Message", "RequestId"), List.copyOf(answer.keySet()));
      assertEquals(0, code(answer));
    }
  }

  @Test
  void answersAreHttp200Json() throws IOException {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).start();
        Response response = TestGatewayClient.HTTP.newCall(new Request.Builder().url(zim.baseUrl() + "?Action=Nope").build()).execute()) {
      assertEquals(200, response.code());
      assertEquals("application/json; charset=utf-8", response.header("Content-Type"));
      assertTrue(response.body().string().startsWith("{\"Code\":100000007,\"Message\":\"Action is not supported: Nope\",\"RequestId\":\""));
    }
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws IOException {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).start()) {
      try (Response response = TestGatewayClient.HTTP.newCall(new Request.Builder().url(zim.baseUrl() + "v1?Action=DestroyRoom").build()).execute()) {
        assertEquals(404, response.code());
      }
      try (Response response = TestGatewayClient.HTTP.newCall(new Request.Builder().url(zim.baseUrl()).put(RequestBody.create("", MediaType.get("text/plain"))).build()).execute()) {
        assertEquals(405, response.code());
        assertEquals("GET, POST", response.header("Allow"));
      }
    }
  }

  @Test
  void lifecycle() {
    ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).build();
    assertFalse(zim.isRunning());
    assertThrows(IllegalStateException.class, zim::port);
    zim.start();
    assertTrue(zim.isRunning());
    assertTrue(zim.baseUrl().matches("http://127\\.0\\.0\\.1:[0-9]+/"), zim.baseUrl());
    assertThrows(IllegalStateException.class, zim::start);
    zim.close();
    zim.close();
    assertFalse(zim.isRunning());
    assertThrows(IllegalStateException.class, zim::start);
    assertThrows(IllegalStateException.class, () -> ZimSimulator.builder().build());
  }

  @Test
  void listensOnTheBindAddressOnly() throws IOException {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).bindAddress("127.0.0.2").start()) {
      assertEquals("http://127.0.0.2:" + zim.port() + "/", zim.baseUrl());
      assertEquals(100000001, code(TestGatewayClient.execute(new Request.Builder().url(zim.baseUrl() + "?Action=DestroyRoom").build())));
      assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), zim.port()).close());
    }
  }

  @Test
  void onEveryAddressItIsReachedThroughLoopback() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).bindAddress("0.0.0.0").start()) {
      assertEquals("http://127.0.0.1:" + zim.port() + "/", zim.baseUrl());
      assertEquals(100000001, code(TestGatewayClient.execute(new Request.Builder().url(zim.baseUrl() + "?Action=DestroyRoom").build())));
    }
    assertThrows(IllegalArgumentException.class, () -> ZimSimulator.builder().bindAddress("[::1"));
  }

  @Test
  void aBusyPortIsReported() {
    try (ZimSimulator first = ZimSimulator.builder().app(APP_ID, SECRET).start()) {
      ZimSimulator.Builder second = ZimSimulator.builder().app(APP_ID, SECRET).port(first.port());
      assertThrows(java.io.UncheckedIOException.class, second::start);
    }
  }

  @Test
  void secretsStayOutOfTextsAndAnswers() {
    String secret = "s3cr3t-value-0123456789abcdef";
    ZimSimulator.Builder builder = ZimSimulator.builder().app(7, secret);
    try (ZimSimulator zim = builder.start()) {
      TestGatewayClient wrong = new TestGatewayClient(zim.baseUrl(), 7, "not-it", Clock.systemUTC());
      Map<String, Object> answer = wrong.get("DestroyRoom", "RoomId", "r");
      assertEquals(100000005, code(answer));
      String expected = ZimSignature.sign(7, zim.journal().get(0).nonce(), secret, Long.parseLong(zim.journal().get(0).timestamp()));
      for (String text : List.of(builder.toString(), zim.toString(), answer.toString(), zim.journal().toString(), new AppCredentials(7, secret).toString())) {
        assertFalse(text.contains(secret), text);
        assertFalse(text.contains(expected), text);
      }
    }
  }
}
