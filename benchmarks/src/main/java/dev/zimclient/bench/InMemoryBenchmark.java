package dev.zimclient.bench;

import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per call with the canned answer served by in-memory sockets: no kernel, no server
 * thread, the whole OkHttp chain still run. What is left is each client's own CPU.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class InMemoryBenchmark extends DestroyRoomBenchmark {
  private static final String BASE_URL = "http://127.0.0.1:8080/";

  @Override
  protected AutoCloseable server() {
    return null;
  }

  @Override
  protected String baseUrl() {
    return BASE_URL;
  }

  @Override
  protected SocketFactory sockets() {
    return new InMemorySocketFactory(Fixture.httpAnswer(Fixture.SUCCESS_JSON));
  }
}
