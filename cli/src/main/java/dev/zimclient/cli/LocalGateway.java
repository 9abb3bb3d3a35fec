package dev.zimclient.cli;

import dev.zimclient.simulator.ZimSimulator;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;

/** The embedded simulator the CLI runs when given no credentials and no endpoint. */
final class LocalGateway implements AutoCloseable {
  private final ZimSimulator simulator;
  private final long appId;
  private final String serverSecret;

  private LocalGateway(ZimSimulator simulator, long appId, String serverSecret) {
    this.simulator = simulator;
    this.appId = appId;
    this.serverSecret = serverSecret;
  }

  /** Starts a simulator on a free loopback port, seeded with the rooms, and says so in one line. */
  static LocalGateway start(Collection<String> rooms, PrintWriter err) {
    SecureRandom random = new SecureRandom();
    long appId = 1 + random.nextInt(Integer.MAX_VALUE - 1);
    byte[] secret = new byte[16];
    random.nextBytes(secret);
    String serverSecret = HexFormat.of().formatHex(secret);
    ZimSimulator.Builder builder = ZimSimulator.builder().app(appId, serverSecret).port(0);
    rooms.forEach(builder::seedRoom);
    ZimSimulator simulator = builder.start();
    err.println("zim: no credentials or endpoint given; using a local simulator at " + simulator.baseUrl()
        + " seeded with " + rooms.size() + " room(s)");
    err.flush();
    return new LocalGateway(simulator, appId, serverSecret);
  }

  long appId() {
    return appId;
  }

  String serverSecret() {
    return serverSecret;
  }

  String baseUrl() {
    return simulator.baseUrl();
  }

  ZimSimulator simulator() {
    return simulator;
  }

  @Override
  public void close() {
    simulator.close();
  }
}
