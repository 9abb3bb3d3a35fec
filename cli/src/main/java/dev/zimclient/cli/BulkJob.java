package dev.zimclient.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A bulk run: one request per value of the action's key, from the arguments or a file, paced by
 * the action's rate limit, with progress and a summary on standard error and, with a checkpoint,
 * resumable after a stop.
 */
final class BulkJob {
  private final ActionModel action;
  private final ParamModel key;
  private final Context context;
  private final RequestFactory factory;
  private final Map<String, Object> values;
  private final boolean verbose;
  private final boolean json;

  BulkJob(ActionModel action, Context context, RequestFactory factory, Map<String, Object> values, boolean verbose, boolean json) {
    this.action = action;
    this.key = action.key().orElseThrow();
    this.context = context;
    this.factory = factory;
    this.values = values;
    this.verbose = verbose;
    this.json = json;
  }

  int run(ConnectionOptions.Resolved settings, List<String> keys, String file, String checkpointFile, boolean resendUnknown,
      boolean dryRun) throws IOException, InterruptedException {
    checkOtherArguments();
    try (KeySource source = file != null ? KeySource.of(file, context.stdin(), this::warn) : KeySource.of(keys, this::warn);
        Session session = Session.open(settings, action, dryRun, context.out(), context.err());
        Checkpoint checkpoint = checkpointFile == null || dryRun ? null
            : Checkpoint.open(Path.of(checkpointFile), action.action(), !action.idempotent())) {
      boolean many = source.total() != 1;
      Progress progress = new Progress(context.err(), context.terminal().interactive(), source.total(),
          Kebab.plural(key.wireName()), System::nanoTime);
      OutcomePrinter printer = new OutcomePrinter(context.out(), json, Kebab.camel(key.wireName()));
      BulkRunner runner = new BulkRunner(k -> send(session, k), inFlight(session, dryRun), checkpoint,
          resendUnknown || action.idempotent(), verbose, context.stop()::requested);
      BulkRunner.Tally tally = runner.run(source, outcome -> {
        if (!dryRun || !outcome.succeeded()) {
          printer.print(outcome); // A dry run printed the request; only what it found wrong is said.
        }
        if (many) {
          progress.advance();
        }
      }, () -> {
        if (many) {
          progress.advance();
        }
      });
      if (many || tally.stopped()) {
        summary(tally, progress, checkpoint != null);
      }
      if (tally.stopped()) {
        return ZimCommand.INTERRUPTED;
      }
      return tally.unsuccessful() == 0 ? ZimCommand.ALL_DONE : ZimCommand.SOME_FAILED;
    }
  }

  /** Everything but the key must be right before the first request, not found wrong on each item. */
  private void checkOtherArguments() {
    Map<String, Object> probe = new HashMap<>(values);
    probe.put(key.wireName(), "");
    factory.missing(probe).stream().findFirst().ifPresent(p -> {
      throw new ConfigurationException("missing " + p.optionName() + " (" + p.wireName() + ", required for every item)");
    });
    factory.args(probe); // a body that does not fit the request record is a usage error, said once
  }

  private CompletableFuture<?> send(Session session, String value) {
    Map<String, Object> item = new HashMap<>(values);
    item.put(key.wireName(), value);
    try {
      return (CompletableFuture<?>) session.call(action.async(), factory.args(item));
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  // Enough calls in flight to keep the rate up, few enough that none waits long for a permit. A
  // dry run prints in order, one at a time.
  private static int inFlight(Session session, boolean dryRun) {
    return dryRun ? 1 : Math.max(4, Math.min(128, 2 * session.permitsPerSecond()));
  }

  private void summary(BulkRunner.Tally tally, Progress progress, boolean resumable) {
    long tried = tally.done() + tally.failed() + tally.unknown();
    double seconds = progress.elapsedSeconds();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "zim: %s: done %d of %d %s in %.1f s (%.1f/s)",
        action.commandName(), tally.done(), tried, Kebab.plural(key.wireName()), seconds, tried / Math.max(seconds, 1e-9)));
    if (tally.failed() > 0) {
      line.append("; ").append(tally.failed()).append(" failed");
    }
    if (tally.unknown() > 0) {
      line.append("; ").append(tally.unknown()).append(" outcome unknown");
    }
    if (tally.skipped() > 0) {
      line.append("; ").append(tally.skipped()).append(" skipped (finished before")
          .append(tally.skippedFailed() > 0 ? ", " + tally.skippedFailed() + " of them not done" : "").append(")");
    }
    if (tally.stopped()) {
      line.append("; stopped before the end").append(resumable ? ": rerun with the same --checkpoint to go on" : "");
    }
    context.err().println(line);
    context.err().flush();
  }

  private void warn(String message) {
    context.err().println("zim: " + message);
    context.err().flush();
  }
}
