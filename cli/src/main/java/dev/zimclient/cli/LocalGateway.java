package dev.zimclient.cli;

import dev.zimclient.simulator.GeneratedCredentials;
import dev.zimclient.simulator.ZimSimulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded simulator the CLI runs when given no credentials and no endpoint. A room that a
 * request names is created in it first when the action answers "room does not exist" for a
 * missing room, so a command acts on the rooms it is given as it would on ZEGO's.
 */
final class LocalGateway implements AutoCloseable {
  /** The parameter that names a room. */
  static final String ROOM = "RoomId";

  private final ZimSimulator simulator;
  private final long appId;
  private final String serverSecret;

  private LocalGateway(ZimSimulator simulator, long appId, String serverSecret) {
    this.simulator = simulator;
    this.appId = appId;
    this.serverSecret = serverSecret;
  }

  /** Starts a simulator on a free loopback port and says so in one line, naming what would reach ZEGO. */
  static LocalGateway start(PrintWriter err, Profiles profiles) {
    long appId = GeneratedCredentials.appId();
    String serverSecret = GeneratedCredentials.serverSecret();
    ZimSimulator simulator = ZimSimulator.builder().app(appId, serverSecret).port(0).start();
    err.println("zim: no credentials or endpoint given; using a local simulator at " + simulator.baseUrl()
        + ". To reach ZEGO: " + howToReachZego(profiles));
    err.flush();
    return new LocalGateway(simulator, appId, serverSecret);
  }

  /** The flags, or the profiles of the configuration file, that would send to ZEGO instead. */
  static String howToReachZego(Profiles profiles) {
    List<String> names = profiles.names();
    Path file = profiles.file();
    if (!names.isEmpty()) {
      return "--profile " + String.join("|", names) + " (from " + file + "), or --app-id ID --server-secret-file FILE";
    }
    return "--app-id ID --server-secret-file FILE, or --profile NAME from " + file;
  }

  /** Creates the room the request names, when the action needs it to exist. */
  void prepare(ActionModel action, Object[] args) {
    int roomNotFound = simulator.spec().returnCodes().code("ROOM_NOT_FOUND");
    boolean needsRoom = simulator.spec().action(action.action())
        .map(spec -> spec.documentedCodes().contains(roomNotFound)).orElse(false);
    if (!needsRoom) {
      return;
    }
    action.params().stream().filter(p -> p.wireName().equals(ROOM)).findFirst()
        .map(p -> p.valueIn(args, action.bodyIndex()))
        .ifPresent(room -> simulator.seedRoom(room.toString()));
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

  @Override
  public void close() {
    simulator.close();
  }
}
