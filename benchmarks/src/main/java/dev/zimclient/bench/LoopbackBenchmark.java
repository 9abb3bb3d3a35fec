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
 * Calls per second against an in-process loopback server that answers every request with the
 * spec's success example: the client's overhead next to a real socket round trip.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class LoopbackBenchmark extends DestroyRoomBenchmark {
  private CannedHttpServer server;

  @Override
  protected AutoCloseable server() {
    server = CannedHttpServer.start(Fixture.httpAnswer(Fixture.SUCCESS_JSON));
    return server;
  }

  @Override
  protected String baseUrl() {
    return server.baseUrl();
  }

  @Override
  protected SocketFactory sockets() {
    return SocketFactory.getDefault();
  }
}
