package dev.zimclient.simulator.http;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The simulator's HTTP/1.1 server: Jetty's core server (no servlets) with one handler that hands
 * each request over raw. Jetty frames requests (persistent connections, chunked bodies,
 * {@code Expect: 100-continue}) and answers malformed ones itself; this class only sets it up:
 *
 * <ul>
 *   <li>no {@code Date} header of Jetty's own, so the handler's is the only one: a simulator with a
 *       skewed clock must report its own time, since clients correct their clock from it;
 *   <li>no {@code Server} header: the simulator stands in for ZEGO's gateway, not for Jetty;
 *   <li>bodies over the limit answered 413 before the handler sees them;
 *   <li>at most {@code maxConnections} connections open at once; further ones wait to be
 *       accepted.
 * </ul>
 */
public final class SimulatorHttpServer implements AutoCloseable {

  /** Request line and headers together; long enough for a query with many array items. */
  private static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
  /** Threads beyond one per connection: the acceptor, the selectors and a spare. */
  private static final int EXTRA_THREADS = 8;

  private final Server server;
  private final ServerConnector connector;

  /**
   * @param bindAddress the address to listen on
   * @param port the port, 0 for any free one
   * @param maxConnections connections open at once; more wait to be accepted
   * @param idleTimeout how long an idle persistent connection is kept
   * @param maxBodyBytes the largest request body accepted (413 beyond)
   */
  public SimulatorHttpServer(
      InetAddress bindAddress,
      int port,
      int maxConnections,
      Duration idleTimeout,
      int maxBodyBytes,
      RequestHandler handler) {
    // Daemon threads, as a simulator a test forgot to close must not keep the JVM alive. Threads
    // are made on demand, so the maximum (a handler may block) costs nothing until reached.
    QueuedThreadPool threads = new QueuedThreadPool(maxConnections + EXTRA_THREADS, 2);
    threads.setName("zim-simulator-http");
    threads.setDaemon(true);
    ScheduledExecutorScheduler timer = new ScheduledExecutorScheduler("zim-simulator-timer", true);
    this.server = new Server(threads, timer, null);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendDateHeader(false);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(bindAddress.getHostAddress());
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(maxConnections, connector));

    SizeLimitHandler bodyLimit = new SizeLimitHandler(maxBodyBytes, -1);
    bodyLimit.setHandler(new ExchangeHandler(handler, timer));
    server.setHandler(bodyLimit);
    server.setErrorHandler(plainErrors());
    // Closing drops open connections and delayed answers at once, as a crashed gateway would.
    server.setStopTimeout(0);
  }

  // Short text/plain errors without stack traces or the server's name.
  private static ErrorHandler plainErrors() {
    ErrorHandler errors = new ErrorHandler();
    errors.setDefaultResponseMimeType("text/plain");
    errors.setShowStacks(false);
    errors.setShowCauses(false);
    errors.setShowOrigin(false);
    return errors;
  }

  /** Binds and starts accepting. */
  public synchronized void start() throws IOException {
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly();
      throw e;
    } catch (Exception e) {
      stopQuietly();
      throw new IOException("the HTTP server did not start: " + e, e);
    }
  }

  /** The bound port. */
  public int port() {
    return connector.getLocalPort();
  }

  /** Stops accepting and drops every open connection. */
  @Override
  public synchronized void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      System.getLogger(SimulatorHttpServer.class.getName())
          .log(System.Logger.Level.DEBUG, "stopping the HTTP server: {0}", e.toString());
    }
  }
}
