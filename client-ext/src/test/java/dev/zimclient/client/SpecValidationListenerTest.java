package dev.zimclient.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract check bites: hand-made requests and stubbed answers that break the spec are reported. */
class SpecValidationListenerTest {
  /** The five public parameters; the listener checks their presence, not their values. */
  static final String PUBLIC = "AppId=1&SignatureNonce=0123456789abcdef&Timestamp=1615186943"
      + "&SignatureVersion=2.0&Signature=43e5cfcca828314675f91b001390566a";

  static WireMockServer server;
  static SpecValidationListener listener;
  final OkHttpClient http = new OkHttpClient();

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    listener = SpecValidationListener.forProjectSpec();
    server.addMockServiceRequestListener(listener);
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    listener.reset();
    answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(ZimSpec.get().example("DestroyRoom", "success")));
  }

  @Test
  void requestAndAnswerThatKeepTheSpecPass() throws IOException {
    send("GET", "Action=DestroyRoom&RoomId=room-1&FromUserId=admin&" + PUBLIC, null);
    assertEquals(List.of(), listener.requestViolations());
    assertEquals(List.of(), listener.responseViolations());
  }

  static Stream<Arguments> brokenRequests() {
    return Stream.of(
        Arguments.of("missing RoomId", "GET", "Action=DestroyRoom&" + PUBLIC, null,
            "Query parameter 'RoomId' is required"),
        Arguments.of("RoomId too long", "GET", "Action=DestroyRoom&RoomId=" + "r".repeat(33) + "&" + PUBLIC, null,
            "is too long (length: 33, maximum allowed: 32)"),
        Arguments.of("RoomId with a character outside the pattern", "GET", "Action=DestroyRoom&RoomId=a%2Fb&" + PUBLIC,
            null, "does not match input string \"a/b\""),
        Arguments.of("unknown Action", "GET", "Action=NoSuchAction&RoomId=room-1&" + PUBLIC, null,
            "Action 'NoSuchAction' is not an action of the spec"),
        Arguments.of("Action spelt in another case", "GET", "Action=destroyroom&RoomId=room-1&" + PUBLIC, null,
            "Action 'destroyroom' is not an action of the spec"),
        Arguments.of("no Action", "GET", "RoomId=room-1&" + PUBLIC, null, "no Action parameter"),
        Arguments.of("missing public parameter", "GET",
            "Action=DestroyRoom&RoomId=room-1&" + PUBLIC.replace("&Signature=", "&Sig="), null,
            "requires security parameters"),
        Arguments.of("undeclared parameter", "GET", "Action=DestroyRoom&RoomId=room-1&Extra=1&" + PUBLIC, null,
            "Query parameter 'Extra' is unexpected"),
        Arguments.of("wrong method", "POST", "Action=DestroyRoom&RoomId=room-1&" + PUBLIC, "{}",
            "POST operation not allowed"),
        Arguments.of("query parameter of the wrong type", "GET",
            "Action=QueryRoomUserList&RoomId=room-1&Limit=many&" + PUBLIC, null,
            "Instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])"),
        Arguments.of("query parameter out of range", "GET",
            "Action=QueryRoomUserList&RoomId=room-1&Limit=501&" + PUBLIC, null,
            "Numeric instance is greater than the required maximum (maximum: 500, found: 501)"),
        Arguments.of("missing array parameter", "GET", "Action=KickoutRoomUser&RoomId=room-1&" + PUBLIC, null,
            "Query parameter 'UserId[]' is required"),
        Arguments.of("body field of the wrong type", "POST", "Action=CreateRoom&" + PUBLIC,
            "{\"FromUserId\":\"admin\",\"RoomId\":\"room-1\",\"DestroyDelayTime\":\"soon\"}",
            "[Path '/DestroyDelayTime'] Instance type (string) does not match any allowed primitive type"),
        Arguments.of("body without a required field", "POST", "Action=CreateRoom&" + PUBLIC,
            "{\"FromUserId\":\"admin\"}", "Object has missing required properties ([\"RoomId\"])"),
        Arguments.of("nested body field out of range", "POST", "Action=CreateRoom&" + PUBLIC,
            "{\"FromUserId\":\"a\",\"RoomId\":\"r\",\"Attributes\":[{\"Key\":\"k\",\"Value\":\"v\",\"AutoDelete\":2}]}",
            "[Path '/Attributes/0/AutoDelete'] Numeric instance is greater than the required maximum (maximum: 1, found: 2)"),
        Arguments.of("GET action with a body field in the query", "GET",
            "Action=CreateRoom&RoomId=room-1&" + PUBLIC, null, "GET operation not allowed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRequests")
  void requestBreakingTheSpecIsReported(String why, String method, String query, String body, String expected)
      throws IOException {
    send(method, query, body);
    List<String> violations = listener.requestViolations();
    assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), why + ": " + violations);
  }

  static Stream<Arguments> brokenAnswers() {
    return Stream.of(
        Arguments.of("Code of the wrong type", json(200, "{\"Code\":\"zero\",\"Message\":\"ok\"}"),
            "[Path '/Code'] Instance type (string) does not match any allowed primitive type"),
        Arguments.of("no Code", json(200, "{\"Message\":\"no code\"}"), "Object has missing required properties ([\"Code\"])"),
        Arguments.of("undocumented status", json(500, "{\"Code\":1}"), "Response status 500 not defined"),
        Arguments.of("not JSON", aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html/>"),
            "Response Content-Type header 'text/html' does not match any allowed types"),
        Arguments.of("body without Content-Type", aResponse().withStatus(200).withBody("{\"Code\":\"zero\"}"),
            "a body without Content-Type"),
        Arguments.of("empty body", aResponse().withStatus(200), "no response body found"),
        Arguments.of("field the spec does not declare", json(200, "{\"Code\":0,\"Extra\":1}"),
            "Object instance has properties which are not allowed by the schema: [\"Extra\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenAnswers")
  void answerBreakingTheSpecIsReported(String why, ResponseDefinitionBuilder answer, String expected) throws IOException {
    answer(answer);
    send("GET", "Action=DestroyRoom&RoomId=room-1&" + PUBLIC, null);
    assertEquals(List.of(), listener.requestViolations());
    List<String> violations = listener.responseViolations();
    assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), why + ": " + violations);
  }

  @Test
  void everyExchangeIsCheckedNotJustTheFirst() throws IOException {
    send("GET", "Action=DestroyRoom&RoomId=room-1&" + PUBLIC, null);
    send("GET", "Action=DestroyRoom&" + PUBLIC, null);
    assertEquals(1, listener.requestViolations().size());
    listener.reset();
    assertEquals(List.of(), listener.requestViolations(), "reset forgets earlier exchanges");
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static void answer(ResponseDefinitionBuilder answer) {
    server.stubFor(any(anyUrl()).willReturn(answer));
  }

  void send(String method, String query, String json) throws IOException {
    RequestBody body = json == null ? null : RequestBody.create(json, MediaType.get("application/json"));
    Request request = new Request.Builder().url(server.baseUrl() + "/?" + query).method(method, body).build();
    try (Response response = http.newCall(request).execute()) {
      response.body().bytes();
    }
  }
}
