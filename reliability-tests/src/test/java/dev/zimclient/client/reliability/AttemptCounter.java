package dev.zimclient.client.reliability;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/**
 * Counts what the client did on the wire, seen from inside OkHttp: one OkHttp call per attempt,
 * every connection it opened or failed to open (where the server cannot count, such as a closed
 * port), and every byte it read.
 */
final class AttemptCounter extends EventListener {
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger connectAttempts = new AtomicInteger();
  final AtomicInteger connectFailures = new AtomicInteger();
  /** Bytes the client read from its sockets, headers included. */
  final AtomicLong bytesRead = new AtomicLong();

  /** A fresh OkHttp client that reports to this counter, for {@code ZimClient.builder().okHttpClient}. */
  OkHttpClient newHttpClient() {
    return new OkHttpClient.Builder().eventListener(this).socketFactory(new CountingSocketFactory()).build();
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

  /** Plain sockets whose input counts into {@link #bytesRead}. */
  private final class CountingSocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() {
      return new Socket() {
        private InputStream counted;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
          if (counted == null) {
            counted = new FilterInputStream(super.getInputStream()) {
              @Override
              public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                  bytesRead.incrementAndGet();
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                  bytesRead.addAndGet(n);
                }
                return n;
              }
            };
          }
          return counted;
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
      throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
    }
  }

  /** Stops the threads of an OkHttp client this counter made. */
  static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }
}
