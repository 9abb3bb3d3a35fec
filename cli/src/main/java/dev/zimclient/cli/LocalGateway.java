package dev.zimclient.cli;

import dev.zimclient.simulator.GeneratedCredentials;
import dev.zimclient.simulator.ZimSimulator;
import java.io.PrintWriter;
import java.util.Collection;

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
    long appId = GeneratedCredentials.appId();
    String serverSecret = GeneratedCredentials.serverSecret();
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
