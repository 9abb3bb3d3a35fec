package dev.zimclient.client.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Counts what the client did on the wire, seen from inside OkHttp: one OkHttp call per attempt,
 * and every connection it opened or failed to open. Needed where the server cannot count, such as
 * a closed port.
 */
final class AttemptCounter extends EventListener {
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger connectAttempts = new AtomicInteger();
  final AtomicInteger connectFailures = new AtomicInteger();

  /** A fresh OkHttp client that reports to this counter, for {@code ZimClient.builder().okHttpClient}. */
  OkHttpClient newHttpClient() {
    return new OkHttpClient.Builder().eventListener(this).build();
  }

  @Override
  public void callStart(@NotNull Call call) {
    calls.incrementAndGet();
  }

  @Override
  public void connectStart(@NotNull Call call, @NotNull InetSocketAddress address, @NotNull Proxy proxy) {
    connectAttempts.incrementAndGet();
  }

  @Override
  public void connectFailed(@NotNull Call call, @NotNull InetSocketAddress address, @NotNull Proxy proxy,
      @Nullable Protocol protocol, @NotNull IOException e) {
    connectFailures.incrementAndGet();
  }

  /** Stops the threads of an OkHttp client this counter made. */
  static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }
}
