package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.model.DestroyRoomResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.http.GET;
import retrofit2.http.Query;

/** How a client is put together: which interfaces it serves, whose timeouts win, where requests go. */
class ClientAssemblyTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  /** An interface the spec did not generate: no @ZimAction. */
  interface HandWritten {
    @GET("?Action=DestroyRoom")
    DestroyRoomResponse destroy(@Query("RoomId") String roomId);
  }

  @Test
  void anInterfaceWithAMethodTheSpecDidNotGenerateIsRefusedWhenCreated() {
    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.create(HandWritten.class));
      assertTrue(String.valueOf(e.getMessage() + e.getCause()).contains("@ZimAction"), e.toString());
    }
  }

  @Test
  void anApplicationsClientKeepsItsTimeoutsUnlessTheBuilderSetsThem() {
    AtomicReference<Interceptor.Chain> seen = new AtomicReference<>();
    OkHttpClient application = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(3))
        .addInterceptor(answering(seen))
        .build();

    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).okHttpClient(application).build()) {
      client.create(dev.zimclient.generated.api.RoomApi.class).destroyRoom("room-1", null);
      assertEquals(2_000, seen.get().connectTimeoutMillis());
      assertEquals(3_000, seen.get().readTimeoutMillis());
    }
    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).okHttpClient(application)
        .readTimeout(Duration.ofSeconds(7)).build()) {
      client.create(dev.zimclient.generated.api.RoomApi.class).destroyRoom("room-1", null);
      assertEquals(2_000, seen.get().connectTimeoutMillis(), "not set here: the application's");
      assertEquals(7_000, seen.get().readTimeoutMillis(), "set here: wins");
    }
    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).build()) {
      assertFalse(client.config().connectTimeout().isPresent(), "the client's own: 5 s, not configured");
    }
  }

  @Test
  void anActionWithAHostOfItsOwnGoesThereOnlyWhenTheClientTalksToZego() {
    AtomicReference<Interceptor.Chain> seen = new AtomicReference<>();
    OkHttpClient capture = new OkHttpClient.Builder().addInterceptor(answering(seen)).build();

    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).okHttpClient(capture).build()) {
      client.create(dev.zimclient.generated.api.AudioApi.class).cgiDescribeZIMAudioLicense();
      assertEquals("auth-api.zego.im", seen.get().request().url().host());
      client.create(dev.zimclient.generated.api.RoomApi.class).destroyRoom("room-1", null);
      assertEquals("zim-api.zego.im", seen.get().request().url().host());
    }
    try (ZimClient client = ZimClient.builder().appId(1).serverSecret(SECRET).okHttpClient(capture)
        .endpoint("http://127.0.0.1:9/").build()) {
      client.create(dev.zimclient.generated.api.AudioApi.class).cgiDescribeZIMAudioLicense();
      assertEquals("127.0.0.1", seen.get().request().url().host(), "a simulator or proxy serves every action");
    }
  }

  /** Answers every request with success, as the application's interceptor, and keeps its chain. */
  private static Interceptor answering(AtomicReference<Interceptor.Chain> seen) {
    return chain -> {
      seen.set(chain);
      return new Response.Builder()
          .request(chain.request())
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .body(ResponseBody.create("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"1\",\"Data\":{\"License\":\"l\"}}",
              okhttp3.MediaType.get("application/json")))
          .build();
    };
  }
}
