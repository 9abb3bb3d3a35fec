package dev.zimclient.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A plain OkHttp caller that signs requests itself (its own MD5, not the simulator's), so the
 * tests check the simulator against the protocol rather than against its own code.
 */
final class TestGatewayClient {

  static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .callTimeout(10, TimeUnit.SECONDS)
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final HttpUrl base;
  private final long appId;
  private final String secret;
  private final Clock clock;

  TestGatewayClient(String baseUrl, long appId, String secret, Clock clock) {
    this.base = HttpUrl.get(baseUrl);
    this.appId = appId;
    this.secret = secret;
    this.clock = clock;
  }

  static String md5Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String freshNonce() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** The public parameters of a correctly signed request, in sending order; tests may edit them. */
  Map<String, String> publicParams(String action) {
    long timestamp = clock.instant().getEpochSecond();
    String nonce = freshNonce();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("Action", action);
    params.put("AppId", Long.toString(appId));
    params.put("SignatureNonce", nonce);
    params.put("Timestamp", Long.toString(timestamp));
    params.put("SignatureVersion", "2.0");
    params.put("Signature", md5Hex(appId + nonce + secret + timestamp));
    return params;
  }

  /** A signed URL with the business parameters appended as OkHttp encodes them. */
  HttpUrl url(String action, String... businessPairs) {
    return url(publicParams(action), businessPairs);
  }

  HttpUrl url(Map<String, String> publicParams, String... businessPairs) {
    HttpUrl.Builder url = base.newBuilder();
    publicParams.forEach(url::addQueryParameter);
    for (int i = 0; i < businessPairs.length; i += 2) {
      url.addQueryParameter(businessPairs[i], businessPairs[i + 1]);
    }
    return url.build();
  }

  /** GET with a fresh signature. */
  Map<String, Object> get(String action, String... businessPairs) {
    return get(url(action, businessPairs));
  }

  Map<String, Object> get(HttpUrl url) {
    return execute(new Request.Builder().url(url).get().build());
  }

  /** GET with a raw query appended after the signed public parameters, byte for byte. */
  Map<String, Object> getRaw(String action, String rawBusinessQuery) {
    String signed = url(action).encodedQuery();
    return get(base.newBuilder().encodedQuery(signed + "&" + rawBusinessQuery).build());
  }

  /** POST with a fresh signature and this JSON body. */
  Map<String, Object> post(String action, String jsonBody) {
    return execute(
        new Request.Builder().url(url(action)).post(RequestBody.create(jsonBody, JSON_TYPE)).build());
  }

  /** A request built from the spec, signed afresh. */
  Map<String, Object> send(SpecRequests.Request request) {
    HttpUrl.Builder url = url(request.action()).newBuilder();
    request.query().forEach((name, values) -> values.forEach(value -> url.addQueryParameter(name, value)));
    Request.Builder http = new Request.Builder().url(url.build());
    if (request.body() != null) {
      try {
        http.post(RequestBody.create(JSON.writeValueAsBytes(request.body()), JSON_TYPE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return execute(http.build());
  }

  static Map<String, Object> execute(Request request) {
    try (Response response = HTTP.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new AssertionError("HTTP " + response.code() + " for " + request.url());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> body = JSON.readValue(response.body().bytes(), Map.class);
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int code(Map<String, Object> answer) {
    return ((Number) answer.get("Code")).intValue();
  }
}
