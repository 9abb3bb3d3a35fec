package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.SignedCallbacks.SECRET;
import static dev.zimclient.client.callback.SignedCallbacks.body;
import static dev.zimclient.client.callback.SignedCallbacks.bytes;
import static dev.zimclient.client.callback.SignedCallbacks.roomCreate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.model.BeforeSendMsgCallback;
import dev.zimclient.generated.model.BeforeSendMsgReply;
import dev.zimclient.generated.model.RoomCreateCallback;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK HTTP server adapter on a real loopback server, spoken to over HTTP. */
class ZimCallbackHttpHandlerTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final OkHttpClient HTTP = new OkHttpClient();

  private final List<ZimCallback> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresToCome = new AtomicInteger();
  private Object reply;
  private HttpServer server;
  private String url;

  @BeforeEach
  void start() throws IOException {
    ZimCallbackVerifier verifier = ZimCallbackVerifier.builder().callbackSecret(SECRET)
        .maxBodyBytes(4096).replayProtection().build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/zim", new ZimCallbackHttpHandler(verifier, callback -> {
      if (failuresToCome.getAndDecrement() > 0) {
        throw new IllegalStateException("the database is down");
      }
      received.add(callback);
      return reply;
    }));
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/zim";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Answer post(byte[] body) throws IOException {
    return call(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build());
  }

  private static Answer call(Request request) throws IOException {
    try (Response response = HTTP.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string(), response.header("Content-Type"));
    }
  }

  private record Answer(int status, String body, String contentType) {}

  @Test
  void anAcceptedCallbackIsHandedOnAndAnsweredWithAnEmpty200() throws IOException {
    Answer answer = post(bytes(roomCreate(Instant.now(), "1")));
    assertEquals(new Answer(200, "", null), answer);
    assertEquals("chess-club", assertInstanceOf(RoomCreateCallback.class, received.get(0)).roomId());
  }

  @Test
  void beforeSendMsgIsAnsweredWithTheListenersReply() throws IOException {
    Map<String, Object> message = body("before_send_msg", Instant.now().getEpochSecond(), "2",
        Map.of("from_user_id", "ann", "msg_body", "a bad word", "msg_type", 1));
    reply = BeforeSendMsgReply.builder().result(3).reason("blocked").build();
    Answer refused = post(bytes(message));
    assertEquals(200, refused.status());
    assertEquals("{\"result\":3,\"reason\":\"blocked\"}", refused.body());
    assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
    assertInstanceOf(BeforeSendMsgCallback.class, received.get(0));

    reply = null;
    assertEquals(new Answer(200, "{}", "application/json; charset=utf-8"),
        post(bytes(body("before_send_msg", Instant.now().getEpochSecond(), "3", Map.of("from_user_id", "ann")))));
  }

  @Test
  void aReplyOfTheWrongTypeIsAServerError() throws IOException {
    reply = "send it";
    assertEquals(500, post(bytes(body("before_send_msg", Instant.now().getEpochSecond(), "4",
        Map.of("from_user_id", "ann")))).status());
  }

  @Test
  void refusalsAreAnsweredWithTheirStatusAndReasonAndNotHandedOn() throws IOException {
    Map<String, Object> good = roomCreate(Instant.now(), "5");
    Map<String, Object> badSignature = new java.util.LinkedHashMap<>(good);
    badSignature.put("signature", "0".repeat(40));
    assertEquals(new Answer(401, "BAD_SIGNATURE", "text/plain; charset=utf-8"), post(bytes(badSignature)));
    assertEquals(new Answer(401, "STALE_TIMESTAMP", "text/plain; charset=utf-8"),
        post(bytes(roomCreate(Instant.now().minusSeconds(3600), "6"))));
    assertEquals(400, post("not json".getBytes()).status());
    assertEquals("MISSING_FIELD", post(bytes(body("room_create", Instant.now().getEpochSecond(), "7", Map.of()))).body());
    assertEquals("UNKNOWN_EVENT", post(bytes(body("room_moved", Instant.now().getEpochSecond(), "8", Map.of()))).body());
    assertEquals(List.of(), received);
  }

  @Test
  void anOversizedBodyIsRefusedByItsLengthOrWhileReading() throws IOException {
    assertEquals(new Answer(413, "TOO_LARGE", "text/plain; charset=utf-8"), post(new byte[5000]));
    // Without a Content-Length (chunked), the handler stops reading one byte past the limit.
    RequestBody chunked = new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(new byte[5000]);
      }
    };
    assertEquals(413, call(new Request.Builder().url(url).post(chunked).build()).status());
    assertEquals(List.of(), received);
  }

  @Test
  void aFailingListenerGetsA500AndZegosNextAttemptPasses() throws IOException {
    failuresToCome.set(1);
    byte[] body = bytes(roomCreate(Instant.now(), "9"));
    assertEquals(500, post(body).status());
    assertEquals(200, post(body).status(), "the failed attempt gave its nonce up");
    assertEquals(1, received.size());
    // Now it was handled: a further copy is a replay, acknowledged but not handed on again.
    assertEquals(new Answer(200, "REPLAYED", "text/plain; charset=utf-8"), post(body));
    assertEquals(1, received.size());
  }

  @Test
  void onlyPostIsServed() throws IOException {
    Answer answer = call(new Request.Builder().url(url).get().build());
    assertEquals(405, answer.status());
  }
}
