package dev.zimclient.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketTimeoutException;

/**
 * A connected-looking socket without a file descriptor: every request written to it queues one
 * canned answer for reading. Only one call uses a connection at a time, so it needs no locking.
 */
final class InMemorySocket extends Socket {
  private final byte[] answer;
  private final RequestEnds ends = new RequestEnds();
  private final InputStream in = new Answers();
  private final OutputStream out = new Requests();
  private InetSocketAddress remote;
  private int pendingAnswers;
  private int position;
  private boolean reading;
  private boolean closed;
  private int soTimeout;

  InMemorySocket(byte[] answer) throws SocketException {
    super((SocketImpl) null); // No SocketImpl: nothing here may reach the operating system.
    this.answer = answer;
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) {
    this.remote = (InetSocketAddress) endpoint;
  }

  @Override
  public void connect(SocketAddress endpoint) {
    connect(endpoint, 0);
  }

  @Override
  public boolean isConnected() {
    return remote != null;
  }

  @Override
  public boolean isBound() {
    return remote != null;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isInputShutdown() {
    return closed;
  }

  @Override
  public boolean isOutputShutdown() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public void shutdownInput() {
    closed = true;
  }

  @Override
  public void shutdownOutput() {
    closed = true;
  }

  @Override
  public InputStream getInputStream() {
    return in;
  }

  @Override
  public OutputStream getOutputStream() {
    return out;
  }

  @Override
  public InetAddress getInetAddress() {
    return remote == null ? null : remote.getAddress();
  }

  @Override
  public int getPort() {
    return remote == null ? 0 : remote.getPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return remote;
  }

  @Override
  public InetAddress getLocalAddress() {
    return InetAddress.getLoopbackAddress();
  }

  @Override
  public int getLocalPort() {
    return 1;
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return new InetSocketAddress(getLocalAddress(), getLocalPort());
  }

  @Override
  public void setSoTimeout(int timeout) {
    this.soTimeout = timeout;
  }

  @Override
  public int getSoTimeout() {
    return soTimeout;
  }

  @Override
  public void setTcpNoDelay(boolean on) {
    // Nothing to delay.
  }

  @Override
  public void setKeepAlive(boolean on) {
    // Nothing to keep alive.
  }

  @Override
  public String toString() {
    return "InMemorySocket[" + remote + "]";
  }

  private final class Requests extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (closed) {
        throw new SocketException("Socket closed");
      }
      pendingAnswers += ends.scan(bytes, offset, length);
    }
  }

  private final class Answers extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (closed) {
        throw new SocketException("Socket closed");
      }
      if (!reading) {
        if (pendingAnswers == 0) {
          // What a quiet peer looks like; OkHttp's idle-connection check reads it as healthy.
          throw new SocketTimeoutException("no request to answer");
        }
        pendingAnswers--;
        reading = true;
        position = 0;
      }
      int count = Math.min(length, answer.length - position);
      System.arraycopy(answer, position, bytes, offset, count);
      position += count;
      if (position == answer.length) {
        reading = false;
      }
      return count;
    }

    @Override
    public int available() {
      return reading ? answer.length - position : 0;
    }
  }
}
