package dev.zimclient.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Gives OkHttp sockets that never touch the network: each answers every request written to it
 * with the same bytes. OkHttp still runs its whole chain on them (connection pool, network
 * interceptors such as the client's signing, HTTP/1.1 codec), so a benchmark over them measures
 * the client's own CPU and allocation without the kernel or a server thread.
 */
public final class InMemorySocketFactory extends SocketFactory {
  private final byte[] answer;

  public InMemorySocketFactory(byte[] answer) {
    this.answer = answer.clone();
  }

  @Override
  public Socket createSocket() throws IOException {
    return new InMemorySocket(answer);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
  }
}
