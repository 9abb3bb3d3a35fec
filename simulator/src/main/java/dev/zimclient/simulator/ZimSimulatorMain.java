package dev.zimclient.simulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** Runs a simulator until the process is stopped (Ctrl-C or SIGTERM). */
public final class ZimSimulatorMain {

  private ZimSimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    MainArguments arguments;
    try {
      arguments = MainArguments.parse(args, System::getenv);
    } catch (IllegalArgumentException e) {
      System.err.println("zim-simulator: " + e.getMessage());
      System.err.println(MainArguments.USAGE);
      System.exit(2);
      return;
    }
    if (arguments.help()) {
      System.out.println(MainArguments.USAGE);
      return;
    }
    ZimSimulator simulator = start(arguments, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "zim-simulator-shutdown"));
    stopped.await();
  }

  /** Builds and starts the simulator the arguments describe, and says where it listens. */
  static ZimSimulator start(MainArguments arguments, PrintStream out) {
    ZimSimulator.Builder builder = ZimSimulator.builder().port(arguments.port());
    arguments.apps().forEach(builder::app);
    arguments.seedRooms().forEach(builder::seedRoom);
    ZimSimulator simulator = builder.start();
    out.println("ZIM simulator listening on " + simulator.baseUrl() + " for AppIds " + simulator.appIds());
    out.flush();
    return simulator;
  }
}
