package dev.zimclient.simulator.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on the loopback interface: one thread per open connection, persistent
 * connections, {@code Content-Length} or chunked request bodies, {@code Expect: 100-continue}.
 * It exists instead of the JDK's {@code HttpServer} because that one overwrites the
 * {@code Date} header with the system time, while a simulator with a skewed clock must report
 * its own time (clients correct their clock from it), and because it hands over the raw request
 * target untouched.
 */
public final class LoopbackHttpServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LoopbackHttpServer.class.getName());
  private static final int BACKLOG = 128;

  private final int requestedPort;
  private final int maxBodyBytes;
  private final int idleTimeoutMillis;
  private final RequestHandler handler;
  private final ThreadPoolExecutor connections;
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private ServerSocket serverSocket;
  private Thread acceptor;

  /**
   * @param port the port, 0 for any free one
   * @param maxConnections connections served at once; more are answered 503 and closed
   * @param idleTimeout how long an idle persistent connection is kept
   * @param maxBodyBytes the largest request body accepted (413 beyond)
   */
  public LoopbackHttpServer(
      int port, int maxConnections, Duration idleTimeout, int maxBodyBytes, RequestHandler handler) {
    this.requestedPort = port;
    this.maxBodyBytes = maxBodyBytes;
    this.idleTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis());
    this.handler = handler;
    AtomicInteger count = new AtomicInteger();
    this.connections =
        new ThreadPoolExecutor(
            0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            runnable -> daemon(runnable, "zim-simulator-http-" + count.incrementAndGet()));
  }

  /** Binds and starts accepting. */
  public synchronized void start() throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), BACKLOG);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    serverSocket = socket;
    acceptor = daemon(this::acceptLoop, "zim-simulator-accept-" + socket.getLocalPort());
    acceptor.start();
  }

  /** The bound port. */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Stops accepting, drops every open connection and waits briefly for their threads. */
  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (serverSocket != null) {
        serverSocket.close();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the listening socket: {0}", e.toString());
    }
    for (Socket socket : openSockets) {
      closeQuietly(socket);
    }
    connections.shutdownNow();
    try {
      if (acceptor != null) {
        acceptor.join(2000);
      }
      connections.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.WARNING, "accept failed: {0}", e.toString());
        }
        continue;
      }
      openSockets.add(socket);
      try {
        connections.execute(() -> serve(socket));
      } catch (RejectedExecutionException e) {
        refuse(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(idleTimeoutMillis);
      InputStream in = socket.getInputStream();
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
      RequestReader reader = new RequestReader(in, out, maxBodyBytes);
      while (!closed) {
        RawRequest request;
        try {
          request = reader.read();
        } catch (BadRequestException e) {
          ResponseWriter.write(out, plain(e.status(), e.getMessage()), false, false);
          return;
        }
        if (request == null) {
          return;
        }
        RawResponse response;
        try {
          response = handler.handle(request);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "request handler failed", e);
          ResponseWriter.write(out, plain(500, "internal error"), false, false);
          return;
        }
        boolean keepAlive = reader.keepAlive() && !closed;
        ResponseWriter.write(out, response, keepAlive, "HEAD".equals(request.method()));
        if (!keepAlive) {
          return;
        }
      }
    } catch (InterruptedException e) {
      // Closing while a handler waited: drop the connection.
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // Idle timeout, client gone, or closing: nothing to answer to.
      LOG.log(System.Logger.Level.TRACE, "connection ended: {0}", e.toString());
    } finally {
      openSockets.remove(socket);
    }
  }

  private void refuse(Socket socket) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      ResponseWriter.write(out, plain(503, "too many connections"), false, false);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.TRACE, "refusing a connection: {0}", e.toString());
    } finally {
      openSockets.remove(socket);
    }
  }

  private static RawResponse plain(int status, String text) {
    return new RawResponse(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        text.getBytes(StandardCharsets.UTF_8));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.TRACE, "closing a connection: {0}", e.toString());
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
