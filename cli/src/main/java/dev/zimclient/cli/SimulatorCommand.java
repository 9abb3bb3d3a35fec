package dev.zimclient.cli;

import dev.zimclient.simulator.ZimSimulator;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code zim simulator}: runs the local ZIM gateway until stopped. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
    description = "Run the local ZIM gateway simulator on loopback until stopped (Ctrl-C).")
final class SimulatorCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Loopback port (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--app-id", paramLabel = "ID", description = "AppId to accept (or env ZIM_APP_ID); generated when absent.")
  Long appId;

  @Option(names = "--server-secret", paramLabel = "SECRET", description = "Its ServerSecret (or env ZIM_SERVER_SECRET); generated and shown when absent.")
  String serverSecret;

  @Option(names = "--seed-room", paramLabel = "ROOM_ID", description = "A room that exists at start; repeatable.")
  List<String> seedRooms = List.of();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Long id = appId;
    if (id == null && System.getenv(ConnectionOptions.APP_ID_ENV) != null) {
      id = Long.parseLong(System.getenv(ConnectionOptions.APP_ID_ENV).strip());
    }
    String secret = serverSecret != null ? serverSecret : System.getenv(ConnectionOptions.SECRET_ENV);
    boolean generated = secret == null || secret.isBlank();
    if (generated) {
      byte[] bytes = new byte[16];
      new SecureRandom().nextBytes(bytes);
      secret = HexFormat.of().formatHex(bytes);
    }
    long app = id != null ? id : 1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1);
    ZimSimulator.Builder builder = ZimSimulator.builder().app(app, secret).port(port);
    seedRooms.forEach(builder::seedRoom);
    try (ZimSimulator simulator = builder.start()) {
      out.println("ZIM simulator listening on " + simulator.baseUrl() + " for AppId " + app
          + (generated ? " with the generated ServerSecret " + secret : " with the given ServerSecret"));
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "zim-simulator-stop"));
      stopped.await();
    }
    return ZimCommand.ALL_DONE;
  }
}
