package dev.zimclient.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the process writes while it is open: System.out and System.err (where slf4j-simple
 * writes) teed into a buffer, and every java.util.logging record (where OkHttp logs).
 */
final class OutputCapture implements AutoCloseable {
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final List<String> julRecords = new ArrayList<>();
  private final Logger julRoot = Logger.getLogger("");
  // JUL keeps loggers weakly; these references keep the raised levels alive.
  private final Logger okhttp = Logger.getLogger("okhttp3");
  private final Level okhttpLevel = okhttp.getLevel();
  private final Handler handler = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      synchronized (julRecords) {
        julRecords.add(formatter.format(record));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  OutputCapture() {
    System.setOut(new PrintStream(tee(originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(originalErr), true, StandardCharsets.UTF_8));
    handler.setLevel(Level.ALL);
    okhttp.setLevel(Level.ALL);
    julRoot.addHandler(handler);
  }

  /** What System.out and System.err received. */
  String console() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  /** The java.util.logging records, formatted. */
  String julLog() {
    synchronized (julRecords) {
      return String.join("", julRecords);
    }
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    julRoot.removeHandler(handler);
    okhttp.setLevel(okhttpLevel);
  }

  private OutputStream tee(PrintStream original) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (buffer) {
          buffer.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (buffer) {
          buffer.write(bytes, offset, length);
        }
        original.write(bytes, offset, length);
      }
    };
  }
}
