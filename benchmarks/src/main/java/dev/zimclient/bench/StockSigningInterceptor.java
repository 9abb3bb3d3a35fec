package dev.zimclient.bench;

import dev.zimclient.client.signing.ZimSignature;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The least the stock generated client needs to be accepted by the API: the five public
 * parameters with a fresh nonce and signature on every request. It signs with the same
 * {@link ZimSignature} as the client, so the two differ only in what surrounds the signature.
 */
public final class StockSigningInterceptor implements Interceptor {
  private static final HexFormat HEX = HexFormat.of();

  private final long appId;
  private final String serverSecret;
  private final SecureRandom random = new SecureRandom();

  public StockSigningInterceptor(long appId, String serverSecret) {
    this.appId = appId;
    this.serverSecret = serverSecret;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    byte[] nonceBytes = new byte[8];
    random.nextBytes(nonceBytes);
    String nonce = HEX.formatHex(nonceBytes);
    long timestamp = System.currentTimeMillis() / 1000;
    HttpUrl url = chain.request().url().newBuilder()
        .addQueryParameter("AppId", Long.toString(appId))
        .addQueryParameter("SignatureNonce", nonce)
        .addQueryParameter("Timestamp", Long.toString(timestamp))
        .addQueryParameter("SignatureVersion", "2.0")
        .addQueryParameter("Signature", ZimSignature.compute(appId, nonce, serverSecret, timestamp))
        .build();
    return chain.proceed(chain.request().newBuilder().url(url).build());
  }
}
