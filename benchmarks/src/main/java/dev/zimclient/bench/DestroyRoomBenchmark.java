package dev.zimclient.bench;

import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.DestroyRoomResponse;
import java.io.IOException;
import javax.net.SocketFactory;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * DestroyRoom three ways over one transport: through the client (validation, limiter, retry
 * executor, signing, error mapping, Moshi), as a raw OkHttp GET of the same signed URL, and
 * through OpenAPI Generator's stock retrofit2 client (Gson) with minimal signing. Subclasses pick
 * the transport and the mode.
 */
@State(Scope.Benchmark)
public abstract class DestroyRoomBenchmark {
  private AutoCloseable server;
  private ZimClient client;
  private RoomApi rooms;
  private dev.zimclient.bench.stock.api.RoomApi stockRooms;
  private OkHttpClient raw;
  private Request rawRequest;
  private HttpUrl baseUrl;

  /** The base URL to call; {@link #server()} must be started first. */
  protected abstract String baseUrl();

  /** Starts whatever answers, or returns null when the sockets answer themselves. */
  protected abstract AutoCloseable server();

  protected abstract SocketFactory sockets();

  @Setup
  public void setUp() throws IOException {
    server = server();
    String baseUrl = baseUrl();
    raw = BenchClients.okHttp(sockets());
    client = BenchClients.zimClient(raw, baseUrl);
    rooms = client.create(RoomApi.class);
    stockRooms = BenchClients.stockClient(raw, baseUrl);
    rawRequest = BenchClients.rawRequest(baseUrl);
    this.baseUrl = HttpUrl.get(baseUrl);
    // Fail at setup, not as a fast wrong answer in the measurement.
    if (zimClient().code() != 0 || !rawOkHttp().contains("\"Code\":0")
        || !rawOkHttpSigned().contains("\"Code\":0") || stockClient().getCode() != 0) {
      throw new IllegalStateException("the canned answer is not a success");
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    client.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    if (server != null) {
      server.close();
    }
  }

  @Benchmark
  public DestroyRoomResponse zimClient() {
    return rooms.destroyRoom(Fixture.ROOM_ID, null);
  }

  @Benchmark
  public String rawOkHttp() throws IOException {
    try (Response response = raw.newCall(rawRequest).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new IOException("HTTP " + response.code());
      }
      return body.string();
    }
  }

  /**
   * Raw OkHttp as a correct caller must use it: ZIM refuses a reused nonce, so every call builds
   * its URL and signs it afresh. The least any client pays; not the anchor.
   */
  @Benchmark
  public String rawOkHttpSigned() throws IOException {
    try (Response response = raw.newCall(BenchClients.signedRequest(baseUrl)).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new IOException("HTTP " + response.code());
      }
      return body.string();
    }
  }

  @Benchmark
  public dev.zimclient.bench.stock.model.DestroyRoomResponse stockClient() throws IOException {
    retrofit2.Response<dev.zimclient.bench.stock.model.DestroyRoomResponse> response =
        stockRooms.destroyRoom(Fixture.ROOM_ID, null).execute();
    if (!response.isSuccessful() || response.body() == null) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body();
  }
}
