package dev.zimclient.client.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.client.limit.ZimRateLimiters;
import dev.zimclient.client.reliability.Calls.Mode;
import dev.zimclient.client.reliability.Calls.Outcome;
import dev.zimclient.generated.ZimRegion;
import dev.zimclient.generated.ZimReturnCode;
import dev.zimclient.client.error.ZimOutcomeUnknownException;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.CreateRoomRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import okhttp3.logging.LoggingEventListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs success, retry, every error class and clock skew with the client logging at TRACE,
 * OkHttp's logging interceptor at BODY (set up as the README says) and OkHttp's logging event
 * listener, then searches everything the
 * process showed: console, java.util.logging, exception messages and stack traces, and the
 * toString() of every public object. The ServerSecret never appears; every Signature and
 * SignatureNonce that went on the wire appears nowhere, and the TRACE lines show them redacted.
 */
@Tag("trace-logging")
class SecretLeakTest {
  static final String SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e7aa";
  /** Under dev.zimclient, so that it logs at TRACE like the client; it carries the network-level lines. */
  static final org.slf4j.Logger NETWORK_LOG = org.slf4j.LoggerFactory.getLogger("dev.zimclient.test.network");
  /** The same, for OkHttp's LoggingEventListener. */
  static final org.slf4j.Logger EVENT_LOG = org.slf4j.LoggerFactory.getLogger("dev.zimclient.test.events");
  /** A signed attempt's TRACE line, GET or POST (CreateRoom's body goes by POST). */
  static final Pattern TRACE_LINE = Pattern.compile("TRACE dev\\.zimclient\\S* - --> (?:GET|POST) (\\S+)");

  static WireMockServer server;
  static OutputCapture capture;

  /** Every Signature and SignatureNonce the server received. */
  final Set<String> sentSecrets = new LinkedHashSet<>();
  /** Values computed from the secret that were never sent (a callback's expected signature). */
  final Set<String> derivedSecrets = new LinkedHashSet<>();
  /** Objects whose toString() is searched, and failures whose whole rendering is searched. */
  final List<Object> shown = new ArrayList<>();
  final Map<String, Outcome> outcomes = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    capture = new OutputCapture();
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    capture.close();
  }

  @Test
  void secretNeverShowsAndSignaturesShowOnlyRedacted() throws Exception {
    OkHttpClient http = loggingHttpClient();
    ZimClient main = client(http, b -> b);
    RoomApi rooms = main.create(RoomApi.class);

    scenario("success", rooms, envelope(0, "success"));
    retryScenario("retry after busy", rooms, envelope(1, "busy"));
    retryScenario("retry after throttling", rooms, envelope(660300005, "too fast"));
    for (int code : new int[] {660300001, 7, 100000005, 2, 1, 660300014, 100000017, 660000026, 660300019, 123456789}) {
      scenario("code " + code, rooms, envelope(code, "why"));
    }
    echoScenarios();
    scenario("truncated JSON", rooms, aResponse().withStatus(200).withBody("{\"Code\":0,\"Mess"));
    scenario("wrong shape", rooms, aResponse().withStatus(200).withBody("[\"Code\",0]"));
    scenario("too large", rooms, aResponse().withStatus(200).withBody("{\"Code\":0,\"Message\":\"" + "x".repeat(1 << 20) + "\"}"));
    scenario("connection reset", rooms, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    scenario("invalid parameter", rooms, envelope(0, "success"), "bad/room");
    clockSkewScenario(http);
    deadlineScenario(http);
    rateLimitScenario(http);
    refusedScenario(http);
    outcomeUnknownScenario(rooms);
    shown.addAll(CallbackScenarios.run(SECRET, derivedSecrets));

    shown.add(main);
    shown.add(main.config());
    shown.add(rooms);
    shown.add(main.rateLimit("DestroyRoom").orElseThrow());
    shown.add(main.rateLimit("DestroyRoom").orElseThrow().rate());
    shown.add(ZimRateLimiters.smooth(0.5));
    shown.add(ZimRateLimiters.smooth(0.5).create(main.rateLimit("DestroyRoom").orElseThrow()));
    shown.add(new dev.zimclient.client.error.ZimApiError("DestroyRoom", 1, "server busy", "1", 200));
    shown.addAll(GeneratedModels.sampleInstances());
    shown.addAll(List.of(ZimReturnCode.values()));
    shown.addAll(List.of(ZimRegion.values()));
    main.close();
    AttemptCounter.shutdown(http);

    assertFalse(sentSecrets.isEmpty());
    assertLoggingWasOn();
    assertEveryTraceLineIsRedacted();
    assertEveryPublicClassWasShown();
    String console = capture.console();
    String jul = capture.julLog();
    assertClean("console (SLF4J at TRACE)", console);
    assertClean("java.util.logging (OkHttp's BODY log)", jul);
    for (Object object : shown) {
      assertClean("toString() of " + object.getClass().getName(), String.valueOf(object));
    }
    for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
      Outcome outcome = entry.getValue();
      if (outcome.failure() != null) {
        assertClean("failure of " + entry.getKey(), render(outcome.failure()));
      } else {
        assertClean("result of " + entry.getKey(), String.valueOf(outcome.value()));
      }
    }
    Figures.record("secrets: scenarios at TRACE + OkHttp BODY", outcomes.size() + " calls, " + sentSecrets.size()
        + " signatures/nonces sent, " + shown.size() + " objects, " + (console.length() + jul.length())
        + " chars of log searched: 0 leaks");
  }

  // ---- scenarios: each runs blocking and async ----

  private void scenario(String name, RoomApi rooms, ResponseDefinitionBuilder answer) {
    scenario(name, rooms, answer, "room-1");
  }

  private void scenario(String name, RoomApi rooms, ResponseDefinitionBuilder answer, String roomId) {
    server.stubFor(any(anyUrl()).willReturn(answer));
    for (Mode mode : Mode.values()) {
      record(name + " (" + mode + ")", Calls.destroyRoom(rooms, mode, roomId, "admin", Duration.ofSeconds(20)));
    }
    harvest();
  }

  private void retryScenario(String name, RoomApi rooms, ResponseDefinitionBuilder first) {
    for (Mode mode : Mode.values()) {
      server.stubFor(any(anyUrl()).inScenario(name).whenScenarioStateIs(STARTED).willSetStateTo("ok").willReturn(first));
      server.stubFor(any(anyUrl()).inScenario(name).whenScenarioStateIs("ok").willReturn(envelope(0, "success")));
      record(name + " (" + mode + ")", Calls.destroyRoom(rooms, mode, "room-1", null, Duration.ofSeconds(20)));
      harvest();
    }
  }

  /**
   * Error pages that quote the request line, as some proxies' do. The client's messages and logs
   * must not repeat the quoted signature; OkHttp's BODY log prints the page as it came, which no
   * client can change, so these calls go through an OkHttp client without it.
   */
  private void echoScenarios() {
    OkHttpClient quiet = new OkHttpClient();
    ZimClient client = client(quiet, b -> b);
    RoomApi rooms = client.create(RoomApi.class);
    scenario("HTML 502 quoting the request", rooms, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><body>502 Bad Gateway: GET {{request.url}}</body></html>").withTransformers("response-template"));
    scenario("Message quoting the request", rooms, aResponse().withStatus(200)
        .withBody("{\"Code\":2,\"Message\":\"bad query {{request.url}}\"}").withTransformers("response-template"));
    scenario("JSON quoting the parameters", rooms, aResponse().withStatus(200).withBody(
        "{\"Code\":\"bad\",\"Signature\":\"{{request.query.Signature}}\",\"SignatureNonce\":\"{{request.query.SignatureNonce}}\"}")
        .withTransformers("response-template"));
    client.close();
    AttemptCounter.shutdown(quiet);
  }

  /** CreateRoom must not run twice: a reset after sending ends it as outcome unknown. */
  private void outcomeUnknownScenario(RoomApi rooms) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    shown.add(assertThrows(ZimOutcomeUnknownException.class, () -> rooms.createRoom(
        CreateRoomRequest.builder().fromUserId("admin").roomId("room-1").build())));
    harvest();
  }

  private void clockSkewScenario(OkHttpClient http) {
    String ahead = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(Duration.ofMinutes(15)).atOffset(ZoneOffset.UTC));
    for (Mode mode : Mode.values()) {
      ZimClient skewed = client(http, b -> b);
      server.stubFor(any(anyUrl()).inScenario("skew").whenScenarioStateIs(STARTED).willSetStateTo("ok")
          .willReturn(envelope(100000004, "signature expired").withHeader("Date", ahead)));
      server.stubFor(any(anyUrl()).inScenario("skew").whenScenarioStateIs("ok").willReturn(envelope(0, "success")));
      record("clock skew (" + mode + ")", Calls.destroyRoom(skewed.create(RoomApi.class), mode, "room-1", null,
          Duration.ofSeconds(20)));
      assertTrue(skewed.clockOffset().compareTo(Duration.ofMinutes(14)) > 0, "the skew was learned");
      harvest();
      shown.add(skewed);
      skewed.close();
    }
  }

  private void deadlineScenario(OkHttpClient http) {
    ZimClient client = client(http, b -> b.deadline(Duration.ofMillis(300)));
    scenario("deadline", client.create(RoomApi.class), envelope(0, "success").withFixedDelay(1_000));
    client.close();
  }

  private void rateLimitScenario(OkHttpClient http) {
    ZimClient client = client(http, b -> b.rateLimit("DestroyRoom", 1, Duration.ofSeconds(60)).maxRateLimitWait(Duration.ZERO));
    scenario("rate limit", client.create(RoomApi.class), envelope(0, "success"));
    client.close();
  }

  private void refusedScenario(OkHttpClient http) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ZimClient client = client(http, b -> b.endpoint("http://127.0.0.1:" + port + "/"));
    for (Mode mode : Mode.values()) {
      record("connection refused (" + mode + ")", Calls.destroyRoom(client.create(RoomApi.class), mode, "room-1", null,
          Duration.ofSeconds(20)));
    }
    client.close();
  }

  // ---- set-up ----

  /**
   * As the README says: OkHttp's logging interceptor at BODY as an application interceptor; a
   * second one as a network interceptor, the other place users put it; and OkHttp's
   * LoggingEventListener, whose request and response lines OkHttp fills from the wire.
   */
  private static OkHttpClient loggingHttpClient() {
    HttpLoggingInterceptor application = new HttpLoggingInterceptor();
    application.setLevel(HttpLoggingInterceptor.Level.BODY);
    HttpLoggingInterceptor network = new HttpLoggingInterceptor(line -> NETWORK_LOG.info("{}", line));
    network.setLevel(HttpLoggingInterceptor.Level.BODY);
    return new OkHttpClient.Builder()
        .addInterceptor(application)
        .addNetworkInterceptor(network)
        .eventListenerFactory(new LoggingEventListener.Factory(line -> EVENT_LOG.info("{}", line)))
        .build();
  }

  private ZimClient client(OkHttpClient http, UnaryOperator<ZimClientBuilder> settings) {
    ZimClientBuilder builder = ZimClient.builder()
        .appId(1234567890L)
        .serverSecret(SECRET)
        .endpoint(server.baseUrl() + "/")
        .okHttpClient(http)
        .maxAttempts(2)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(5))
        .throttledBackoff(Duration.ofMillis(5));
    builder = settings.apply(builder);
    shown.add(builder);
    return builder.build();
  }

  private void record(String name, Outcome outcome) {
    outcomes.put(name, outcome);
    if (outcome.failure() != null) {
      shown.add(outcome.failure());
    } else {
      shown.add(outcome.value());
    }
  }

  /** Collects what the server received, then clears it for the next scenario. */
  private void harvest() {
    for (ServeEvent event : server.getAllServeEvents()) {
      for (String name : List.of("Signature", "SignatureNonce")) {
        var values = event.getRequest().queryParameter(name);
        if (values.isPresent()) {
          sentSecrets.addAll(values.values());
        }
      }
    }
    server.resetAll();
  }

  // ---- checks ----

  private void assertClean(String where, String text) {
    assertFalse(text.contains(SECRET), "the ServerSecret shows in " + where);
    assertFalse(text.contains(SECRET.substring(0, 12)), "part of the ServerSecret shows in " + where);
    for (String value : concat(sentSecrets, derivedSecrets)) {
      if (text.contains(value)) {
        int at = text.indexOf(value);
        fail("a Signature or SignatureNonce shows unredacted in " + where + ": ..."
            + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 40)) + "...");
      }
    }
  }

  private static List<String> concat(Set<String> a, Set<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Guards against a vacuous pass: the logs searched really hold TRACE, DEBUG and BODY output. */
  private void assertLoggingWasOn() {
    String console = capture.console();
    assertTrue(console.contains("DEBUG dev.zimclient.client.internal.call.AttemptRunner"), "DEBUG lines were captured");
    assertTrue(TRACE_LINE.matcher(console).find(), "TRACE lines were captured");
    String jul = capture.julLog();
    assertTrue(jul.contains("--> GET"), "OkHttp's request lines were captured");
    assertTrue(jul.contains("\"Code\":0"), "OkHttp's BODY output was captured");
    assertTrue(console.contains("dev.zimclient.test.network - <-- 200"), "the network-level log was captured");
    assertTrue(console.contains("dev.zimclient.test.events - [") && console.contains("responseHeadersEnd: Response{"),
        "the event listener's log was captured");
  }

  private void assertEveryTraceLineIsRedacted() {
    Matcher lines = TRACE_LINE.matcher(capture.console());
    int count = 0;
    while (lines.find()) {
      okhttp3.HttpUrl url = okhttp3.HttpUrl.get(lines.group(1));
      assertEquals("<redacted>", url.queryParameter("Signature"), lines.group());
      assertEquals("<redacted>", url.queryParameter("SignatureNonce"), lines.group());
      count++;
    }
    assertTrue(count >= sentSecrets.size() / 2, "a TRACE line per signed attempt: " + count);
  }

  /** A new public type fails here until a scenario shows one of its instances. */
  private void assertEveryPublicClassWasShown() throws Exception {
    Set<Class<?>> seen = new LinkedHashSet<>();
    shown.forEach(object -> seen.add(object.getClass()));
    Set<Class<?>> required = new LinkedHashSet<>(PublicTypes.concreteClassesBeside(ZimClient.class));
    // The API packages; dev.zimclient.client.internal is not API and never handed to users.
    required.addAll(PublicTypes.concreteClassesBeside(dev.zimclient.client.error.ZimException.class));
    required.addAll(PublicTypes.concreteClassesBeside(dev.zimclient.client.limit.ZimActionLimit.class));
    required.addAll(PublicTypes.concreteClassesBeside(dev.zimclient.client.signing.ZimSignature.class));
    required.addAll(PublicTypes.concreteClassesBeside(dev.zimclient.client.callback.ZimCallbackVerifier.class));
    required.addAll(PublicTypes.concreteClassesBeside(dev.zimclient.generated.model.DestroyRoomResponse.class));
    // Holders of static methods only: no instance exists to show.
    required.remove(dev.zimclient.client.signing.ZimSignature.class);
    required.remove(dev.zimclient.client.signing.Redaction.class);
    required.remove(dev.zimclient.client.callback.ZimCallbackSignature.class);
    required.remove(ZimRateLimiters.class);
    required.removeAll(seen);
    assertTrue(required.isEmpty(), "no scenario showed an instance of " + required);
  }

  private static String render(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return failure + "\n" + failure.getLocalizedMessage() + "\n" + out;
  }

  private static ResponseDefinitionBuilder envelope(int code, String message) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"Code\":" + code + ",\"Message\":\"" + message + "\",\"RequestId\":\"req-" + code + "\"}");
  }
}
