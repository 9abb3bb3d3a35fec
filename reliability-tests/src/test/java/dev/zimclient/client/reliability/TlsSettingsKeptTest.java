package dev.zimclient.client.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.reliability.Calls.Mode;
import dev.zimclient.client.reliability.Calls.Outcome;
import dev.zimclient.generated.api.RoomApi;
import java.io.InputStream;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.CertificatePinner;
import okhttp3.CipherSuite;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client derives its OkHttp client from the one given and must not weaken TLS: against an
 * HTTPS server with a self-signed certificate for another name, each of the given client's trust
 * manager, hostname verifier, connection specs and certificate pinner is shown to be in force.
 */
class TlsSettingsKeptTest {
  static WireMockServer server;
  static X509TrustManager trustsTheServer;
  static SSLContext tls;

  @BeforeAll
  static void start() throws Exception {
    server = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withBody("{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"r\"}")));
    // WireMock's built-in certificate (CN=Tom Akehurst, no names): trusted only by this manager.
    KeyStore store = KeyStore.getInstance("JKS");
    try (InputStream in = WireMockServer.class.getClassLoader().getResourceAsStream("keystore")) {
      store.load(in, "password".toCharArray());
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    trustsTheServer = (X509TrustManager) factory.getTrustManagers()[0];
    tls = SSLContext.getInstance("TLS");
    tls.init(null, new javax.net.ssl.TrustManager[] {trustsTheServer}, null);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void theDefaultClientRefusesAnUntrustedCertificate() {
    server.resetRequests();
    try (ZimClient client = builder().build()) {
      for (Mode mode : Mode.values()) {
        ZimTransportException e = call(client, mode).failure(ZimTransportException.class);
        assertInstanceOf(SSLException.class, e.getCause(), e.toString());
      }
    }
    assertEquals(0, server.getAllServeEvents().size(), "no request got through");
  }

  @Test
  void aRefusedCertificateIsNotRetried() {
    AttemptCounter counter = new AttemptCounter();
    OkHttpClient http = counter.newHttpClient();
    try (ZimClient client = builder().okHttpClient(http).maxAttempts(3).build()) {
      for (Mode mode : Mode.values()) {
        counter.calls.set(0);
        ZimTransportException e = call(client, mode).failure(ZimTransportException.class);
        assertFalse(e.isRetryable(), "a certificate refused now is refused on every attempt");
        assertEquals(1, counter.calls.get(), "attempts");
      }
    } finally {
      AttemptCounter.shutdown(http);
    }
  }

  /** The client's own OkHttp client speaks TLS to an https endpoint and checks the certificate. */
  @Test
  void theClientsOwnHttpClientVerifiesTheCertificate() {
    try (ZimClient client = builder().maxAttempts(3).build()) {
      for (Mode mode : Mode.values()) {
        ZimTransportException e = call(client, mode).failure(ZimTransportException.class);
        assertTrue(e.getCause() instanceof javax.net.ssl.SSLHandshakeException, String.valueOf(e.getCause()));
        assertFalse(e.isRetryable(), "a certificate refused now is refused on every attempt");
      }
    }
    assertEquals(0, server.getAllServeEvents().size(), "no request got through");
  }

  @Test
  void theGivenTrustManagerAndHostnameVerifierAreUsed() {
    AtomicInteger verified = new AtomicInteger();
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), trustsTheServer)
        .hostnameVerifier((host, session) -> verified.incrementAndGet() > 0 && host.equals("localhost"))
        .build();
    try (ZimClient client = builder().okHttpClient(http).build()) {
      for (Mode mode : Mode.values()) {
        Outcome outcome = call(client, mode);
        assertEquals(0, outcome.value().code(), String.valueOf(outcome.failure()));
      }
    } finally {
      AttemptCounter.shutdown(http);
    }
    assertTrue(verified.get() >= 1, "the given hostname verifier decided");
  }

  @Test
  void aHostnameVerifierThatRefusesIsObeyed() {
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), trustsTheServer)
        .hostnameVerifier((host, session) -> false)
        .build();
    try (ZimClient client = builder().okHttpClient(http).build()) {
      ZimTransportException e = call(client, Mode.SYNC).failure(ZimTransportException.class);
      assertInstanceOf(SSLPeerUnverifiedException.class, e.getCause());
      assertFalse(e.isRetryable());
    } finally {
      AttemptCounter.shutdown(http);
    }
  }

  @Test
  void theGivenConnectionSpecsAreUsed() {
    CipherSuite only = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    ConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
        .tlsVersions(TlsVersion.TLS_1_2)
        .cipherSuites(only)
        .build();
    AtomicReference<Handshake> handshake = new AtomicReference<>();
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), trustsTheServer)
        .hostnameVerifier((host, session) -> true)
        .connectionSpecs(List.of(spec))
        .eventListener(new EventListener() {
          @Override
          public void secureConnectEnd(@NotNull Call call, @Nullable Handshake value) {
            handshake.set(value);
          }
        })
        .build();
    try (ZimClient client = builder().okHttpClient(http).build()) {
      assertEquals(0, call(client, Mode.SYNC).value().code());
    } finally {
      AttemptCounter.shutdown(http);
    }
    assertNotNull(handshake.get());
    assertEquals(TlsVersion.TLS_1_2, handshake.get().tlsVersion(), "the server offers TLS 1.3 too");
    assertEquals(only, handshake.get().cipherSuite());
  }

  @Test
  void theGivenCertificatePinnerIsEnforced() {
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), trustsTheServer)
        .hostnameVerifier((host, session) -> true)
        .certificatePinner(new CertificatePinner.Builder()
            .add("localhost", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
            .build())
        .build();
    try (ZimClient client = builder().okHttpClient(http).build()) {
      ZimTransportException e = call(client, Mode.SYNC).failure(ZimTransportException.class);
      assertInstanceOf(SSLPeerUnverifiedException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("Certificate pinning failure"), e.getCause().getMessage());
    } finally {
      AttemptCounter.shutdown(http);
    }
  }

  private static ZimClientBuilder builder() {
    return ZimClient.builder()
        .appId(1234567890L)
        .serverSecret("0123456789abcdef0123456789abcdef")
        .endpoint("https://localhost:" + server.httpsPort() + "/")
        .backoff(Duration.ofMillis(5), Duration.ofMillis(5));
  }

  private static Outcome call(ZimClient client, Mode mode) {
    return Calls.destroyRoom(client.create(RoomApi.class), mode, "room-1", null, Duration.ofSeconds(30));
  }
}
