package dev.zimclient.client.internal.signing;

import dev.zimclient.client.signing.Redaction;
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
 */
public final class SigningInterceptor implements Interceptor {
  static final String SIGNATURE_VERSION = "2.0";
  private static final Logger log = LoggerFactory.getLogger(SigningInterceptor.class);

  private final ZimCredentials credentials;
  private final ServerClock clock;
  private final NonceGenerator nonces = new NonceGenerator();
  private final boolean rawArrayKeys;
  private final boolean interceptorsBefore;

  /**
   * @param rawArrayKeys whether array keys go on the wire as {@code UserId[]} rather than encoded
   * @param interceptorsBefore whether the OkHttp client runs interceptors of the application's
   *     before this one; only they could read the signed request back from the response
   */
  public SigningInterceptor(long appId, String serverSecret, ServerClock clock, boolean rawArrayKeys,
      boolean interceptorsBefore) {
    this.credentials = new ZimCredentials(appId, serverSecret);
    this.clock = clock;
    this.rawArrayKeys = rawArrayKeys;
    this.interceptorsBefore = interceptorsBefore;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long timestamp = clock.epochSeconds();
    String nonce = nonces.next();
    HttpUrl url = rawArrayKeys ? RawArrayKeys.rewrite(request.url()) : request.url();
    HttpUrl signed = url.newBuilder()
        .setQueryParameter("AppId", credentials.appIdText())
        .setQueryParameter("SignatureNonce", nonce)
        .setQueryParameter("Timestamp", Long.toString(timestamp))
        .setQueryParameter("SignatureVersion", SIGNATURE_VERSION)
        .setQueryParameter("Signature", credentials.sign(nonce, timestamp))
        .build();
    if (log.isTraceEnabled()) {
      log.trace("--> {} {}", request.method(), Redaction.url(signed));
    }
    // Only OkHttp's own network stage follows, which reads no tags: the signed copy needs none.
    Request signedRequest = new Request.Builder()
        .url(signed)
        .method(request.method(), request.body())
        .headers(request.headers())
        .build();
    Response response = chain.proceed(signedRequest);
    // The response carries the request it answers; interceptors that run before this one (e.g. a
    // logging interceptor) must see the unsigned one there too.
    return interceptorsBefore ? response.newBuilder().request(request).build() : response;
  }
}
