package dev.zimclient.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server that answers every request with the same bytes, keeping connections
 * alive. It parses nothing and allocates nothing per request, so what a benchmark measures beside
 * the network is the client.
 */
public final class CannedHttpServer implements AutoCloseable {
  private final ServerSocket listener;
  private final byte[] answer;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private CannedHttpServer(byte[] answer) throws IOException {
    this.answer = answer.clone();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("canned-http-accept", this::acceptLoop).start();
  }

  /** Starts a server that answers every request with {@code answer}. */
  public static CannedHttpServer start(byte[] answer) {
    try {
      return new CannedHttpServer(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public String baseUrl() {
    return "http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort() + "/";
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        daemon("canned-http-" + socket.getPort(), () -> serve(socket)).start();
      } catch (IOException e) {
        return; // Closed.
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      RequestEnds ends = new RequestEnds();
      for (int read; (read = in.read(buffer)) > 0; ) {
        for (int n = ends.scan(buffer, 0, read); n > 0; n--) {
          out.write(answer);
        }
      }
    } catch (IOException e) {
      // The client went away.
    } finally {
      open.remove(socket);
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
