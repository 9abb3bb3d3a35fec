package dev.zimclient.bench;

import dev.zimclient.bench.stock.ApiClient;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.signing.ZimSignature;
import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The three ways of sending DestroyRoom that the benchmarks compare, each on the same OkHttp
 * configuration and transport.
 */
final class BenchClients {
  /** High enough that the limiter is consulted on every call and never makes one wait. */
  static final int UNREACHED_PERMITS_PER_SECOND = 1_000_000_000;

  private BenchClients() {}

  /** OkHttp's defaults, no proxy, over the given sockets. */
  static OkHttpClient okHttp(SocketFactory sockets) {
    return new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).socketFactory(sockets).build();
  }

  /** This project's client with a limiter that never binds. */
  static ZimClient zimClient(OkHttpClient base, String baseUrl) {
    return ZimClient.builder()
        .appId(Fixture.APP_ID)
        .serverSecret(Fixture.SERVER_SECRET)
        .endpoint(baseUrl)
        .okHttpClient(base)
        .rateLimit("DestroyRoom", UNREACHED_PERMITS_PER_SECOND, Duration.ofSeconds(1))
        .build();
  }

  /** OpenAPI Generator's stock retrofit2 client with the least signing it needs. */
  static dev.zimclient.bench.stock.api.RoomApi stockClient(OkHttpClient base, String baseUrl) {
    OkHttpClient signed = base.newBuilder()
        .addInterceptor(new StockSigningInterceptor(Fixture.APP_ID, Fixture.SERVER_SECRET))
        .build();
    ApiClient apiClient = new ApiClient(signed);
    apiClient.getAdapterBuilder().baseUrl(baseUrl);
    return apiClient.createService(dev.zimclient.bench.stock.api.RoomApi.class);
  }

  /** A fresh nonce per call, as {@link #signedRequest} needs; not the client's generator. */
  private static final AtomicLong NONCES = new AtomicLong(System.nanoTime());

  /** The URL the client sends, built and signed now, as a hand-written caller would. */
  static Request signedRequest(HttpUrl baseUrl) {
    return signed(baseUrl, Long.toHexString(NONCES.incrementAndGet()));
  }

  /** The URL the client sends, signed once: what raw OkHttp GETs on every call. */
  static Request rawRequest(String baseUrl) {
    return signed(HttpUrl.get(baseUrl), "0123456789abcdef");
  }

  private static Request signed(HttpUrl baseUrl, String nonce) {
    long timestamp = System.currentTimeMillis() / 1000;
    HttpUrl url = baseUrl.newBuilder()
        .addQueryParameter("Action", "DestroyRoom")
        .addQueryParameter("RoomId", Fixture.ROOM_ID)
        .addQueryParameter("AppId", Long.toString(Fixture.APP_ID))
        .addQueryParameter("SignatureNonce", nonce)
        .addQueryParameter("Timestamp", Long.toString(timestamp))
        .addQueryParameter("SignatureVersion", "2.0")
        .addQueryParameter("Signature", ZimSignature.compute(Fixture.APP_ID, nonce, Fixture.SERVER_SECRET, timestamp))
        .build();
    return new Request.Builder().url(url).build();
  }
}
