package dev.zimclient.cli;

import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.redis.RedisRateLimiters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zim destroy-room}: one room, several, or a file of them. */
@Command(
    name = "destroy-room",
    mixinStandardHelpOptions = true,
    description = {
      "Destroy rooms. Without credentials or an endpoint, runs against a local simulator seeded with the rooms.",
      "Bulk runs are paced by the action's rate limit and go on past failures."
    })
final class DestroyRoomCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ROOM_ID", arity = "0..*", description = "Rooms to destroy.")
  List<String> roomIds = new ArrayList<>();

  @Option(names = "--file", paramLabel = "FILE", description = "Read room IDs from FILE, one per line ('-' for standard input).")
  String file;

  @Option(names = "--from-user-id", paramLabel = "USER", description = "The operator's user ID.")
  String fromUserId;

  @Option(names = "--json", description = "Print one JSON object per room.")
  boolean json;

  @Option(names = "--verbose", description = "Log each request and show stack traces.")
  boolean verbose;

  @Mixin
  ConnectionOptions connection;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Terminal terminal;

  DestroyRoomCommand(PrintWriter out, PrintWriter err, Terminal terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    if (roomIds.isEmpty() == (file == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give ROOM_ID arguments or --file, one of the two");
    }
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.log.dev.zimclient", "debug");
    }
    ConnectionOptions.Resolved settings = connection.resolve(System.getenv());
    try (RedisRateLimiters shared = sharedLimits(settings)) {
      if (!settings.local()) {
        try (RoomSource source = source(); ZimClient client = client(settings, null, shared)) {
          return destroyAll(client, source);
        }
      }
      // The simulator is seeded before the run, so the IDs are read up front.
      List<String> ids = drain(source());
      try (LocalGateway local = LocalGateway.start(ids, err); ZimClient client = client(settings, local, shared)) {
        return destroyAll(client, RoomSource.of(ids));
      }
    }
  }

  /** The Redis-backed limits every process of the AppId shares, or null for this process's own. */
  private static RedisRateLimiters sharedLimits(ConnectionOptions.Resolved settings) {
    if (settings.shared() == null) {
      return null;
    }
    try {
      return RedisRateLimiters.builder().redisUri(settings.shared().url())
          .outagePolicy(settings.shared().outagePolicy()).connect();
    } catch (IllegalStateException | IllegalArgumentException e) {
      // The message names the address without its password.
      throw new ConfigurationException(e.getMessage());
    }
  }

  private int destroyAll(ZimClient client, RoomSource source) throws InterruptedException {
    RoomApi rooms = client.create(RoomApi.class);
    int permitsPerSecond = client.rateLimit(destroyRoomAction()).orElseThrow().permits();
    OutcomePrinter printer = new OutcomePrinter(out, json);
    boolean bulk = source.total() != 1;
    Progress progress = new Progress(err, terminal.interactive(), source.total(), System::nanoTime);
    // Enough calls in flight to keep the rate up, few enough that none waits long for a permit.
    int inFlight = Math.max(4, Math.min(128, 2 * permitsPerSecond));
    long failed = new BulkDestroyer(rooms, fromUserId, inFlight).run(source, outcome -> {
      printer.print(outcome);
      if (bulk) {
        progress.advance();
      }
    });
    if (bulk) {
      long done = progress.done();
      double seconds = progress.elapsedSeconds();
      err.println(String.format(Locale.ROOT, "zim: destroyed %d of %d rooms in %.1f s (%.1f/s)%s", done - failed, done,
          seconds, done / Math.max(seconds, 1e-9), failed == 0 ? "" : "; " + failed + " failed"));
    }
    return failed == 0 ? ZimCommand.ALL_DONE : ZimCommand.SOME_FAILED;
  }

  private RoomSource source() throws IOException {
    if (file == null) {
      return RoomSource.of(roomIds);
    }
    return file.equals("-") ? RoomSource.of(System.in) : RoomSource.of(Path.of(file));
  }

  private static List<String> drain(RoomSource source) throws IOException {
    try (source) {
      List<String> ids = new ArrayList<>();
      source.forEachRemaining(ids::add);
      return ids;
    }
  }

  private ZimClient client(ConnectionOptions.Resolved settings, LocalGateway local, RedisRateLimiters shared) {
    ZimClient.Builder builder = ZimClient.builder()
        // A bulk run queues for permits; the in-flight bound keeps each wait short anyway.
        .maxRateLimitWait(Duration.ofMinutes(5));
    if (shared != null) {
      // The budget is shared with processes this one cannot see: a call may queue behind theirs,
      // and during a Redis outage behind this process's own share, for longer than the default
      // 30 s deadline. The permit wait stays bounded by the 5 minutes above.
      builder.rateLimiterFactory(shared).deadline(Duration.ofMinutes(5));
    }
    if (local != null) {
      builder.appId(local.appId()).serverSecret(local.serverSecret()).endpoint(local.baseUrl());
    } else {
      builder.appId(settings.appId()).serverSecret(settings.serverSecret());
      if (settings.endpoint() != null) {
        builder.endpoint(settings.endpoint());
      }
    }
    if (settings.qps() != null) {
      builder.rateLimit(destroyRoomAction(), settings.qps(), Duration.ofSeconds(1));
    }
    return builder.build();
  }

  /** The action name as the generated interface declares it. */
  static String destroyRoomAction() {
    try {
      return RoomApi.class.getMethod("destroyRoom", String.class, String.class).getAnnotation(ZimAction.class).value();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the generated RoomApi has no destroyRoom", e);
    }
  }
}
