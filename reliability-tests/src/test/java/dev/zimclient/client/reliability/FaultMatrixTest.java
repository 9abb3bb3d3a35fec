package dev.zimclient.client.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.error.ZimProtocolException;
import dev.zimclient.client.error.ZimProtocolException.Kind;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.reliability.Calls.Mode;
import dev.zimclient.client.reliability.Calls.Outcome;
import dev.zimclient.generated.api.RoomApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transport and response fault, blocking and async: the call ends in its documented type,
 * within the deadline, after exactly the attempts its retry class allows.
 */
class FaultMatrixTest {
  /** The read timeout of the cases that provoke it; short, so that three attempts stay quick. */
  static final Duration READ_TIMEOUT = Duration.ofMillis(250);
  /** Everywhere else a slow answer on a loaded machine must not turn into a timeout. */
  static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(2);
  static final Duration DEADLINE = Duration.ofSeconds(3);
  static final int MAX_ATTEMPTS = 3;
  /** Scheduling slack on a loaded two-core machine. */
  static final long SLACK_MILLIS = 400;

  /** The 1 MiB cap plus a few reads of slack: an oversized body is refused, not drained. */
  static final long MAX_BYTES_READ = (1 << 20) + 64 * 1024;

  static WireMockServer wiremock;
  static LoopbackServer loopback;

  AttemptCounter counter;
  OkHttpClient http;
  ZimClient client;

  /** How a fault is staged; returns the endpoint and how to count the requests that arrived. */
  interface Stage {
    Endpoint stage() throws IOException;
  }

  record Endpoint(String baseUrl, IntSupplier serverCount) {}

  /** One row of the matrix. */
  record Case(String name, Stage stage, Class<? extends ZimException> type, Kind kind, boolean retryable,
      Duration readTimeout) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void startServers() throws IOException {
    wiremock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(16));
    wiremock.start();
    loopback = new LoopbackServer();
    warmUp();
  }

  /** A cold JVM and server answer the first requests slower than the short read timeout used here. */
  static void warmUp() throws IOException {
    wiremock.stubFor(any(anyUrl()).willReturn(envelope()));
    OkHttpClient plain = new OkHttpClient();
    for (int i = 0; i < 20; i++) {
      for (String url : List.of(wiremock.baseUrl() + "/", loopback.baseUrl())) {
        try (okhttp3.Response response = plain.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
          response.body().string();
        }
      }
    }
    AttemptCounter.shutdown(plain);
  }

  @AfterAll
  static void stopServers() throws IOException {
    wiremock.stop();
    loopback.close();
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
      AttemptCounter.shutdown(http);
    }
  }

  static Stream<Arguments> matrix() {
    List<Case> cases = List.of(
        transport("connection reset", wiremockFault(Fault.CONNECTION_RESET_BY_PEER)),
        transport("empty response", wiremockFault(Fault.EMPTY_RESPONSE)),
        transport("malformed chunked body", wiremockFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        transport("random data then close", wiremockFault(Fault.RANDOM_DATA_THEN_CLOSE)),
        timeout("response slower than the read timeout",
            wiremock(envelope().withFixedDelay((int) READ_TIMEOUT.toMillis() * 3))),
        timeout("body dribbled slower than the read timeout",
            wiremock(envelope().withChunkedDribbleDelay(4, (int) READ_TIMEOUT.toMillis() * 8))),
        transport("body stops half way, connection closed", loopback(LoopbackServer.stopsHalfWay(200, 60, false))),
        timeout("body stops half way, connection stalls", loopback(LoopbackServer.stopsHalfWay(200, 60, true))),
        timeout("no answer at all", loopback(LoopbackServer.silent())),
        transport("connection refused", FaultMatrixTest::closedPort),
        protocol("HTTP 502 with an HTML page", wiremock(html(502)), Kind.HTTP_ERROR, true),
        protocol("HTTP 503 with an HTML page", wiremock(html(503)), Kind.HTTP_ERROR, true),
        protocol("truncated JSON inside a string", wiremock(json("{\"Code\":0,\"Message\":\"succ")), Kind.TRUNCATED, false),
        protocol("truncated JSON after a value", wiremock(json("{\"Code\":0,")), Kind.TRUNCATED, false),
        protocol("JSON of the wrong shape: array", wiremock(json("[0,\"success\"]")), Kind.WRONG_SHAPE, false),
        protocol("JSON of the wrong shape: Code as text", wiremock(json("{\"Code\":\"zero\"}")),
            Kind.WRONG_SHAPE, false),
        protocol("JSON of the wrong shape: no Code", wiremock(json("{\"Message\":\"success\"}")), Kind.WRONG_SHAPE, false),
        protocol("body of 1 MiB + 1 byte", wiremock(json(oversized((1 << 20) + 1))), Kind.TOO_LARGE, false),
        protocol("endless body with Content-Length 1 GiB",
            loopback(LoopbackServer.endlessBody(1L << 30)), Kind.TOO_LARGE, false),
        protocol("endless chunked body", loopback(LoopbackServer.endlessBody(-1)), Kind.TOO_LARGE, false));
    List<Arguments> rows = new ArrayList<>();
    for (Case c : cases) {
      for (Mode mode : Mode.values()) {
        rows.add(Arguments.of(c, mode));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("matrix")
  void faultEndsInItsTypedExceptionWithinTheDeadline(Case fault, Mode mode) throws IOException {
    Endpoint endpoint = fault.stage().stage();
    counter = new AttemptCounter();
    http = counter.newHttpClient();
    client = ZimClient.builder()
        .appId(1234567890L)
        .serverSecret("0123456789abcdef0123456789abcdef")
        .endpoint(endpoint.baseUrl())
        .okHttpClient(http)
        .connectTimeout(GENEROUS_TIMEOUT)
        .readTimeout(fault.readTimeout())
        .deadline(DEADLINE)
        .maxAttempts(MAX_ATTEMPTS)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(40))
        .jitter(0)
        .build();
    RoomApi rooms = client.create(RoomApi.class);

    Outcome outcome = Calls.destroyRoom(rooms, mode, "room-1", null, DEADLINE.plusSeconds(5));

    ZimException e = outcome.failure(fault.type());
    assertSame(fault.type(), e.getClass(), "exactly the documented type");
    assertEquals("DestroyRoom", e.action());
    assertNotNull(e.getMessage());
    if (fault.kind() != null) {
      assertEquals(fault.kind(), ((ZimProtocolException) e).kind(), e.getMessage());
    }
    assertEquals(fault.retryable(), e.isRetryable(), e.getMessage());
    int expectedAttempts = fault.retryable() ? MAX_ATTEMPTS : 1;
    assertEquals(expectedAttempts, counter.calls.get(), "attempts made by the client");
    if (endpoint.serverCount() != null) {
      assertEquals(expectedAttempts, endpoint.serverCount().getAsInt(), "requests that reached the server");
    } else {
      assertEquals(expectedAttempts, counter.connectFailures.get(), "connections refused");
    }
    assertTrue(counter.bytesRead.get() <= MAX_BYTES_READ * counter.calls.get(),
        "read " + counter.bytesRead.get() + " bytes in " + counter.calls.get() + " attempt(s)");
    assertTrue(outcome.millis() <= DEADLINE.toMillis() + SLACK_MILLIS,
        fault + " took " + outcome.millis() + " ms, deadline " + DEADLINE.toMillis() + " ms");
    Figures.record("fault: " + fault + " (" + mode + ")", e.getClass().getSimpleName()
        + (fault.kind() != null ? " " + fault.kind() : "") + ", " + counter.calls.get() + " attempt(s), "
        + outcome.millis() + " ms, " + counter.bytesRead.get() / 1024 + " KiB read");
  }

  // ---- stages ----

  static Case transport(String name, Stage stage) {
    return new Case(name, stage, ZimTransportException.class, null, true, GENEROUS_TIMEOUT);
  }

  static Case timeout(String name, Stage stage) {
    return new Case(name, stage, ZimTransportException.class, null, true, READ_TIMEOUT);
  }

  static Case protocol(String name, Stage stage, Kind kind, boolean retryable) {
    return new Case(name, stage, ZimProtocolException.class, kind, retryable, GENEROUS_TIMEOUT);
  }

  static Stage wiremockFault(Fault fault) {
    return wiremock(aResponse().withFault(fault));
  }

  static Stage wiremock(ResponseDefinitionBuilder response) {
    return () -> {
      wiremock.resetAll();
      wiremock.stubFor(any(anyUrl()).willReturn(response));
      return new Endpoint(wiremock.baseUrl() + "/", () -> wiremock.getAllServeEvents().size());
    };
  }

  static Stage loopback(LoopbackServer.Script script) {
    return () -> {
      loopback.script(script);
      loopback.resetCounts();
      return new Endpoint(loopback.baseUrl(), loopback::requests);
    };
  }

  /** A port that was just free: nothing listens there, so every connect is refused. */
  static Endpoint closedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return new Endpoint("http://127.0.0.1:" + port + "/", null);
  }

  static ResponseDefinitionBuilder envelope() {
    return json("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\"}");
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  static ResponseDefinitionBuilder html(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>" + status + "</title></head><body><h1>" + status
            + " Bad Gateway</h1><hr><center>nginx</center></body></html>");
  }

  static String oversized(int bytes) {
    String head = "{\"Code\":0,\"Message\":\"";
    return head + "x".repeat(bytes - head.length() - 2) + "\"}";
  }
}
