package dev.zimclient.cli;

import dev.zimclient.simulator.GeneratedCredentials;
import dev.zimclient.simulator.ZimSimulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zim simulator}: runs the local ZIM gateway until stopped. The one command line of the
 * simulator: every option, default and generated credential of a hand-run simulator is here.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
      "Run the local ZIM gateway simulator until stopped (Ctrl-C).",
      "AppIds and ServerSecrets not given are taken from ZIM_APP_ID and ZIM_SERVER_SECRET, or generated and shown.",
      "With --callback-url, room and group changes are POSTed there as signed callbacks, as ZEGO sends them."
    })
final class SimulatorCommand implements Callable<Integer> {

  static final String CALLBACK_SECRET_ENV = "ZIM_CALLBACK_SECRET";

  /** What the command does while the simulator serves; the process's own stop by default. */
  @FunctionalInterface
  interface WhileServing {
    void run(ZimSimulator simulator) throws InterruptedException;
  }

  /** One {@code --app-id ID [--server-secret SECRET]} pair. */
  static final class AppOption {
    @Option(names = "--app-id", paramLabel = "ID", required = true,
        description = "An AppId to accept (unsigned 32-bit); repeat with its --server-secret for more apps.")
    long appId;

    @Option(names = "--server-secret", paramLabel = "SECRET",
        description = "The ServerSecret of the preceding --app-id. Never echoed.")
    String serverSecret;
  }

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Address to listen on. Default: loopback (127.0.0.1); anything else serves plain HTTP beyond this machine.")
  String bindAddress;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<AppOption> apps = new ArrayList<>();

  @Option(names = "--seed-room", paramLabel = "ROOM_ID", description = "A room that exists at start, in the first app; repeatable.")
  List<String> seedRooms = new ArrayList<>();

  @Option(names = "--callback-url", paramLabel = "URL",
      description = "POST the callbacks of room and group changes (room_create, room_destroy, group_create, group_destroy) there.")
  String callbackUrl;

  @Option(names = "--callback-secret", paramLabel = "SECRET",
      description = "The secret that signs callbacks. Default: " + CALLBACK_SECRET_ENV + ", else generated and shown. Never echoed.")
  String callbackSecret;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> env;
  private final WhileServing whileServing;

  SimulatorCommand(PrintWriter out, PrintWriter err, Map<String, String> env, WhileServing whileServing) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.whileServing = whileServing;
  }

  @Override
  public Integer call() throws InterruptedException {
    InetAddress address = address();
    ZimSimulator.Builder builder = ZimSimulator.builder().bindAddress(address).port(port);
    List<String> lines = new ArrayList<>();
    for (AppOption app : appsOrDefault()) {
      String given = app.serverSecret != null ? app.serverSecret : env.get(ConnectionOptions.SECRET_ENV);
      boolean generated = given == null || given.isBlank();
      String secret = generated ? GeneratedCredentials.serverSecret() : given;
      builder.app(app.appId, secret);
      lines.add("  AppId " + app.appId + (generated ? " with the generated ServerSecret " + secret : " with the given ServerSecret"));
    }
    seedRooms.forEach(builder::seedRoom);
    callbacks(builder).ifPresent(lines::add);
    try (ZimSimulator simulator = start(builder)) {
      if (!address.isLoopbackAddress()) {
        err.println("zim: serving plain HTTP beyond loopback, to whoever reaches " + address.getHostAddress());
        err.flush();
      }
      out.println("ZIM simulator listening on " + simulator.baseUrl());
      lines.forEach(out::println);
      out.flush();
      whileServing.run(simulator);
    }
    return ZimCommand.ALL_DONE;
  }

  /** Sets up callbacks when asked for; the line that says so. */
  private Optional<String> callbacks(ZimSimulator.Builder builder) {
    if (callbackUrl == null) {
      if (callbackSecret != null) {
        throw new ConfigurationException("--callback-secret needs --callback-url");
      }
      return Optional.empty();
    }
    String given = callbackSecret != null ? callbackSecret : env.get(CALLBACK_SECRET_ENV);
    boolean generated = given == null || given.isBlank();
    String secret = generated ? GeneratedCredentials.serverSecret() : given;
    try {
      builder.callbacks(callbackUrl, secret);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--callback-url: " + e.getMessage());
    }
    return Optional.of("  callbacks to " + callbackUrl
        + (generated ? " signed with the generated callback secret " + secret : " signed with the given callback secret"));
  }

  // A port in use or an address not of this machine is the user's to fix: one line, exit 2.
  private static ZimSimulator start(ZimSimulator.Builder builder) {
    try {
      return builder.start();
    } catch (UncheckedIOException e) {
      throw new ConfigurationException(e.getMessage() + ": " + e.getCause().getMessage());
    }
  }

  private InetAddress address() {
    if (bindAddress == null) {
      return InetAddress.getLoopbackAddress();
    }
    try {
      return InetAddress.getByName(bindAddress);
    } catch (UnknownHostException e) {
      throw new ConfigurationException("--bind: not an address: " + bindAddress);
    }
  }

  private List<AppOption> appsOrDefault() {
    if (!apps.isEmpty()) {
      return apps;
    }
    AppOption app = new AppOption();
    Long fromEnv = ConnectionOptions.parseAppId(env.get(ConnectionOptions.APP_ID_ENV), ConnectionOptions.APP_ID_ENV);
    app.appId = fromEnv != null ? fromEnv : GeneratedCredentials.appId();
    return List.of(app);
  }

  /** Waits until the process is stopped (Ctrl-C or SIGTERM); closing the simulator follows. */
  static void untilStopped(ZimSimulator simulator) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "zim-simulator-stop"));
    stopped.await();
  }
}
