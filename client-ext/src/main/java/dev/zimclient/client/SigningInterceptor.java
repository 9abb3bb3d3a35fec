package dev.zimclient.client;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the public parameters and a fresh signature to every network attempt. As a network
 * interceptor it runs again for each of OkHttp's own connection retries, so no nonce is ever sent
 * twice; and interceptors the application installed never see the signature, neither in the
 * request nor in the response's copy of it.
 *
 * <p>It also writes array keys in the configured style, in the same pass over the URL.
 */
final class SigningInterceptor implements Interceptor {
  static final String SIGNATURE_VERSION = "2.0";
  private static final Logger log = LoggerFactory.getLogger(SigningInterceptor.class);

  private final ZimCredentials credentials;
  private final ServerClock clock;
  private final NonceGenerator nonces;
  private final ArrayParameterKeys arrayKeys;
  private final boolean interceptorsBefore;

  /**
   * @param interceptorsBefore whether the OkHttp client runs interceptors of the application's
   *     before this one; only they could read the signed request back from the response
   */
  SigningInterceptor(ZimCredentials credentials, ServerClock clock, NonceGenerator nonces,
      ArrayParameterKeys arrayKeys, boolean interceptorsBefore) {
    this.credentials = credentials;
    this.clock = clock;
    this.nonces = nonces;
    this.arrayKeys = arrayKeys;
    this.interceptorsBefore = interceptorsBefore;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long timestamp = clock.epochSeconds();
    String nonce = nonces.next();
    HttpUrl url = arrayKeys.rewrite(request.url());
    HttpUrl.Builder builder = url.newBuilder();
    put(builder, url, "AppId", credentials.appIdText());
    put(builder, url, "SignatureNonce", nonce);
    put(builder, url, "Timestamp", Long.toString(timestamp));
    put(builder, url, "SignatureVersion", SIGNATURE_VERSION);
    put(builder, url, "Signature", credentials.sign(nonce, timestamp));
    HttpUrl signed = builder.build();
    if (log.isTraceEnabled()) {
      log.trace("--> {} {}", request.method(), Redaction.url(signed));
    }
    Response response = chain.proceed(signed(request, signed));
    // The response carries the request it answers; interceptors that run before this one (e.g. a
    // logging interceptor) must see the unsigned one there too.
    return interceptorsBefore ? response.newBuilder().request(request).build() : response;
  }

  /**
   * The request to send. Only OkHttp's own network stage follows, which reads no tags, so the
   * request's tags (Retrofit's invocation) are not copied onto it.
   */
  private static Request signed(Request request, HttpUrl signed) {
    Request.Builder builder = new Request.Builder().url(signed).method(request.method(), request.body());
    if (request.headers().size() > 0) {
      builder.headers(request.headers());
    }
    return builder.build();
  }

  /**
   * Sets one public parameter. The values are digits, lowercase hex and "2.0", which need no
   * encoding, and requests normally lack these names: appending them as encoded skips OkHttp's
   * per-character encoding and removal passes, the bulk of signing's cost.
   */
  private static void put(HttpUrl.Builder builder, HttpUrl url, String name, String value) {
    if (url.queryParameter(name) == null) {
      builder.addEncodedQueryParameter(name, value);
    } else {
      builder.setQueryParameter(name, value);
    }
  }
}
