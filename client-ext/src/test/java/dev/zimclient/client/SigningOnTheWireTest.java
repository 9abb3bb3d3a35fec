package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.zimclient.generated.model.DestroyRoomResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class SigningOnTheWireTest extends WireMockSupport {
  static final String EVERY_ALLOWED_CHARACTER = "aZ09 !#$%&()+-:;<=.>?@[]^_{}|~,";

  @Test
  void destroyRoomSendsTheActionAndAVerifiableSignature() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    long before = Instant.now().getEpochSecond();

    DestroyRoomResponse response = rooms.destroyRoom("room-1", "admin");

    assertEquals(0, response.code());
    assertEquals("343649807833778782", response.requestId(), "the example's RequestId");
    LoggedRequest request = requests().get(0);
    assertEquals("GET", request.getMethod().getName());
    Map<String, List<String>> query = rawQuery(request);
    assertEquals("DestroyRoom", first(query, "Action"));
    assertEquals("room-1", first(query, "RoomId"));
    assertEquals("admin", first(query, "FromUserId"));
    assertEquals(String.valueOf(APP_ID), first(query, "AppId"));
    assertEquals("2.0", first(query, "SignatureVersion"));
    String nonce = first(query, "SignatureNonce");
    assertTrue(nonce.matches("[0-9a-f]{16}"), nonce);
    long timestamp = Long.parseLong(first(query, "Timestamp"));
    assertTrue(timestamp >= before && timestamp <= Instant.now().getEpochSecond() + 1);
    // Recomputed independently of the client from what the server received.
    assertEquals(Md5.hex(APP_ID + nonce + SECRET + timestamp), first(query, "Signature"));
  }

  @Test
  void optionalParameterIsOmittedWhenNull() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    rooms.destroyRoom("room-1", null);
    assertFalse(rawQuery(requests().get(0)).containsKey("FromUserId"));
  }

  @Test
  void roomIdOfEveryAllowedCharacterArrivesByteForByte() {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    rooms.destroyRoom(EVERY_ALLOWED_CHARACTER, EVERY_ALLOWED_CHARACTER);
    Map<String, List<String>> query = rawQuery(requests().get(0));
    assertEquals(EVERY_ALLOWED_CHARACTER, first(query, "RoomId"));
    assertEquals(EVERY_ALLOWED_CHARACTER, first(query, "FromUserId"));
    assertEquals(1, query.get("RoomId").size(), "an unescaped & or # would split or cut the value");
  }

  @Test
  void timestampComesFromTheInjectedClock() {
    client.close();
    Instant fixed = Instant.parse("2021-03-08T07:02:23Z");
    client = clientBuilder().clock(Clock.fixed(fixed, ZoneOffset.UTC)).build();
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    client.create(dev.zimclient.generated.api.RoomApi.class).destroyRoom("room-1", null);
    assertEquals(String.valueOf(fixed.getEpochSecond()), first(rawQuery(requests().get(0)), "Timestamp"));
  }

  @Test
  void asyncCallIsSignedTheSameWay() throws Exception {
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));
    CompletableFuture<DestroyRoomResponse> future = rooms.destroyRoomAsync("room-async", null);
    assertEquals(0, future.get().code());
    Map<String, List<String>> query = rawQuery(requests().get(0));
    assertEquals(Md5.hex(APP_ID + first(query, "SignatureNonce") + SECRET + first(query, "Timestamp")),
        first(query, "Signature"));
    assertNull(query.get("RoomId").size() == 1 ? null : "duplicate");
  }

  @Test
  void interceptorsAndEventListenersOfTheApplicationNeverSeeTheSignature() {
    client.close();
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient base = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          seen.add("application request " + chain.request().url());
          seen.add("application response " + response.request().url());
          seen.add("application network response " + response.networkResponse().request().url());
          return response;
        })
        .addNetworkInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          seen.add("network request " + chain.request().url());
          seen.add("network response " + response.request().url());
          return response;
        })
        .eventListener(new EventListener() {
          @Override
          public void requestHeadersEnd(Call call, Request request) {
            seen.add("event request " + request.url());
          }

          @Override
          public void responseHeadersEnd(Call call, Response response) {
            seen.add("event response " + response.request().url());
          }
        })
        .build();
    client = clientBuilder().okHttpClient(base).build();
    stub(destroyRoom().willReturn(example("DestroyRoom", "success")));

    client.create(dev.zimclient.generated.api.RoomApi.class).destroyRoom("room-1", null);

    assertEquals(7, seen.size(), seen.toString());
    for (String line : seen) {
      assertTrue(line.endsWith("/?Action=DestroyRoom&RoomId=room-1"), line);
    }
    assertTrue(first(rawQuery(requests().get(0)), "Signature").matches("[0-9a-f]{32}"), "the wire was signed");
  }
}
