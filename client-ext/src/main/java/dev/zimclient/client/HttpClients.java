package dev.zimclient.client;

import dev.zimclient.client.internal.signing.ServerClock;
import dev.zimclient.client.internal.signing.SigningInterceptor;
import dev.zimclient.client.internal.signing.UnsignedEventListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The OkHttp client a {@link ZimClient} sends with: its own, or one derived from the application's. */
final class HttpClients {
  private HttpClients() {}

  static OkHttpClient forConfig(ZimClientConfig config, ServerClock clock) {
    OkHttpClient base = config.okHttpClient;
    OkHttpClient.Builder builder = base != null ? base.newBuilder() : ownClient(config);
    // An application's client keeps its own timeouts unless the builder sets them.
    if (config.connectTimeout != null || base == null) {
      builder.connectTimeout(Objects.requireNonNullElse(config.connectTimeout, ZimClientConfig.DEFAULT_CONNECT_TIMEOUT));
    }
    if (config.readTimeout != null || base == null) {
      Duration readTimeout = Objects.requireNonNullElse(config.readTimeout, ZimClientConfig.DEFAULT_READ_TIMEOUT);
      builder.readTimeout(readTimeout).writeTimeout(readTimeout);
    }
    builder
        // The API never redirects; following one would send a signed request elsewhere.
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(new SigningInterceptor(config.appId, config.serverSecret, clock,
            config.arrayParameterKeys == ArrayParameterKeys.RAW_BRACKETS,
            base != null && (!base.interceptors().isEmpty() || !base.networkInterceptors().isEmpty())));
    if (base != null) {
      builder.eventListenerFactory(UnsignedEventListener.wrap(base.eventListenerFactory()));
    }
    return builder.build();
  }

  private static OkHttpClient.Builder ownClient(ZimClientConfig config) {
    Dispatcher dispatcher = new Dispatcher();
    // One host serves every action: OkHttp's default of 5 concurrent calls per host is too few.
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(256);
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES));
    if (!config.endpoint().isHttps()) {
      // A plain-http (loopback) endpoint never needs TLS, whose set-up reads the JDK's whole trust
      // store: a tenth of a second at every start of a CLI run against the simulator.
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    return builder;
  }
}
