package dev.zimclient.client.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.client.error.ZimDeadlineExceededException;
import dev.zimclient.client.error.ZimServerErrorException;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.reliability.Calls.Mode;
import dev.zimclient.client.reliability.Calls.Outcome;
import dev.zimclient.generated.api.RoomApi;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One deadline per call bounds everything the call does: waiting for a rate-limit permit, every
 * attempt and every backoff. Each case would take far longer without it.
 */
class DeadlineTest {
  static final Duration DEADLINE = Duration.ofMillis(1200);
  /** Scheduling slack on a loaded two-core machine; without the deadline each case takes 4.7 s or more. */
  static final long SLACK_MILLIS = 1_500;

  static WireMockServer server;
  ZimClient client;

  /** Names this test's requests, so that a late request of an earlier test is not counted. */
  String roomId;

  @BeforeAll
  static void start() throws Exception {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    // A cold server answers its first requests slowly enough to meet a 1.2 s deadline.
    server.stubFor(any(anyUrl()).willReturn(envelope(0, "success")));
    okhttp3.OkHttpClient plain = new okhttp3.OkHttpClient();
    for (int i = 0; i < 20; i++) {
      try (okhttp3.Response response = plain.newCall(new okhttp3.Request.Builder().url(server.baseUrl()).build()).execute()) {
        response.body().string();
      }
    }
    AttemptCounter.shutdown(plain);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset(org.junit.jupiter.api.TestInfo test) {
    server.resetAll();
    roomId = "room-" + test.getTestMethod().orElseThrow().getName().hashCode() + "-" + test.getDisplayName().hashCode();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  ZimClientBuilder builder() {
    return ZimClient.builder()
        .appId(1234567890L)
        .serverSecret("0123456789abcdef0123456789abcdef")
        .endpoint(server.baseUrl() + "/")
        .deadline(DEADLINE)
        .jitter(0);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void fiveAttemptsAtLongBackoffEndAtTheDeadline(Mode mode) throws InterruptedException {
    // Four backoffs of 2, 4, 8 and 8 s: 22 s of waiting that the deadline cuts to 1.2 s.
    client = builder().maxAttempts(5).backoff(Duration.ofSeconds(2), Duration.ofSeconds(8)).build();
    server.stubFor(any(anyUrl()).willReturn(envelope(1, "server busy")));

    Outcome outcome = call(mode);

    ZimDeadlineExceededException e = outcome.failure(ZimDeadlineExceededException.class);
    assertInstanceOf(ZimServerErrorException.class, e.getCause(), "the last attempt's failure is kept");
    assertEquals(DEADLINE, e.deadline());
    assertEquals(1, requestsOnceSettled(1), "the first backoff already reached the deadline");
    assertEquals(1, e.attempts());
    assertEndsAtTheDeadline(outcome);
    Figures.record("deadline: 5 attempts at 2-8 s backoff, deadline 1.2 s (" + mode + ")",
        outcome.millis() + " ms, " + requests() + " request(s)");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void attemptsThatFitAreMadeAndTheRestIsCut(Mode mode) throws InterruptedException {
    // Attempts at 0 and 0.5 s; the third would start at 1.5 s, past the deadline.
    client = builder().maxAttempts(5).backoff(Duration.ofMillis(500), Duration.ofSeconds(8)).build();
    server.stubFor(any(anyUrl()).willReturn(envelope(1, "server busy")));

    Outcome outcome = call(mode);

    ZimDeadlineExceededException e = outcome.failure(ZimDeadlineExceededException.class);
    assertEquals(2, requestsOnceSettled(2));
    assertEquals(2, e.attempts());
    assertEndsAtTheDeadline(outcome);
    Figures.record("deadline: backoff 0.5 s doubling, deadline 1.2 s (" + mode + ")",
        outcome.millis() + " ms, " + requests() + " request(s)");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSlowAttemptIsCutAtTheDeadlineNotAtTheReadTimeout(Mode mode) throws InterruptedException {
    client = builder().readTimeout(Duration.ofSeconds(10)).maxAttempts(3).build();
    server.stubFor(any(anyUrl()).willReturn(envelope(0, "success").withFixedDelay(5_000)));

    Outcome outcome = call(mode);

    ZimDeadlineExceededException e = outcome.failure(ZimDeadlineExceededException.class);
    assertInstanceOf(ZimTransportException.class, e.getCause());
    assertEquals(1, requestsOnceSettled(1));
    assertTrue(outcome.millis() >= DEADLINE.toMillis() - 50, "waited for the answer until the deadline");
    assertEndsAtTheDeadline(outcome);
    Figures.record("deadline: answer in 5 s, read timeout 10 s, deadline 1.2 s (" + mode + ")",
        outcome.millis() + " ms, " + requests() + " request(s)");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSlowSingleAttemptEndsAsADeadlineToo(Mode mode) throws InterruptedException {
    // With retries off the cut attempt is still reported as the deadline, not as a transport loss.
    client = builder().readTimeout(Duration.ofSeconds(10)).maxAttempts(1).build();
    server.stubFor(any(anyUrl()).willReturn(envelope(0, "success").withFixedDelay(5_000)));

    Outcome outcome = call(mode);

    outcome.failure(ZimDeadlineExceededException.class);
    assertEquals(1, requestsOnceSettled(1));
    assertEndsAtTheDeadline(outcome);
    Figures.record("deadline: answer in 5 s, maxAttempts 1, deadline 1.2 s (" + mode + ")",
        outcome.millis() + " ms, " + requests() + " request(s)");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPermitBeyondTheDeadlineFailsAtOnceAndSendsNothing(Mode mode) throws InterruptedException {
    client = builder().rateLimit("DestroyRoom", 1, Duration.ofSeconds(5)).build();
    server.stubFor(any(anyUrl()).willReturn(envelope(0, "success")));
    call(mode); // takes the only permit of the next 5 s

    Outcome outcome = call(mode);

    ZimDeadlineExceededException e = outcome.failure(ZimDeadlineExceededException.class);
    assertNull(e.getCause());
    assertEquals(1, requestsOnceSettled(1), "the second call sent nothing");
    assertTrue(outcome.millis() < 200, "no point waiting for a permit the deadline cannot reach: " + outcome.millis());
    Figures.record("deadline: permit 5 s away, deadline 1.2 s (" + mode + ")",
        outcome.millis() + " ms, nothing sent");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void permitWaitAndAttemptShareOneDeadline(Mode mode) throws InterruptedException {
    // 0.7 s waiting for the permit leaves 0.5 s of the deadline for an answer that needs 4 s.
    client = builder().rateLimit("DestroyRoom", 1, Duration.ofMillis(700)).readTimeout(Duration.ofSeconds(10)).build();
    server.stubFor(any(anyUrl()).willReturn(envelope(0, "success")));
    call(mode);
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(envelope(0, "success").withFixedDelay(4_000)));

    Outcome outcome = call(mode);

    outcome.failure(ZimDeadlineExceededException.class);
    assertEquals(1, requestsOnceSettled(1));
    assertTrue(outcome.millis() >= DEADLINE.toMillis() - 50, outcome.millis() + " ms");
    assertEndsAtTheDeadline(outcome);
    Figures.record("deadline: 0.7 s permit wait + 4 s answer, deadline 1.2 s (" + mode + ")",
        outcome.millis() + " ms, " + requests() + " request(s)");
  }

  private Outcome call(Mode mode) {
    return Calls.destroyRoom(client.create(RoomApi.class), mode, roomId, null, DEADLINE.plusSeconds(10));
  }

  private static void assertEndsAtTheDeadline(Outcome outcome) {
    assertTrue(outcome.millis() <= DEADLINE.toMillis() + SLACK_MILLIS,
        "took " + outcome.millis() + " ms, deadline " + DEADLINE.toMillis() + " ms");
  }

  /**
   * The count once it reaches {@code expected} or has stayed put for a while: WireMock may log a
   * request cut by the client's timeout a little after the client gave up.
   */
  private int requestsOnceSettled(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (requests() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(50); // and no more than that arrive
    return requests();
  }

  private int requests() {
    return (int) server.getAllServeEvents().stream()
        .filter(event -> roomId.equals(event.getRequest().queryParameter("RoomId").firstValue()))
        .count();
  }

  private static ResponseDefinitionBuilder envelope(int code, String message) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"Code\":" + code + ",\"Message\":\"" + message + "\",\"RequestId\":\"r\"}");
  }
}
