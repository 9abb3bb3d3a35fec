package dev.zimclient.simulator.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A read buffer owned by one connection's thread: unlike {@code BufferedInputStream} it takes no
 * lock per byte, and request lines are read a byte at a time.
 */
final class ByteInput {

  private final InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;

  ByteInput(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /** The next byte, or -1 at end of stream. */
  int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  /** Up to {@code length} bytes; fewer only at end of stream. */
  byte[] readNBytes(int length) throws IOException {
    byte[] out = new byte[length];
    int copied = 0;
    while (copied < length) {
      if (position == limit && !fill()) {
        byte[] shorter = new byte[copied];
        System.arraycopy(out, 0, shorter, 0, copied);
        return shorter;
      }
      int n = Math.min(length - copied, limit - position);
      System.arraycopy(buffer, position, out, copied, n);
      position += n;
      copied += n;
    }
    return out;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
