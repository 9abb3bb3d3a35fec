package dev.zimclient.cli;

import dev.zimclient.client.error.ZimException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the command of one action: one call printing its response, every item of a listing with
 * {@code --all}, or a bulk run over the action's key.
 */
final class ActionCommand implements Callable<Integer> {
  private final ActionModel action;
  private final Context context;
  private final ConnectionOptions connection = new ConnectionOptions();
  private CommandSpec spec;

  ActionCommand(ActionModel action, Context context) {
    this.action = action;
    this.context = context;
  }

  ConnectionOptions connection() {
    return connection;
  }

  void attach(CommandSpec spec) {
    this.spec = spec;
  }

  @Override
  public Integer call() throws Exception {
    boolean verbose = flag(ActionCommands.VERBOSE);
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.log.dev.zimclient", "debug");
    }
    ConnectionOptions.Resolved settings = connection.resolve(context.env());
    String bodyText = value(ActionCommands.BODY);
    RequestFactory factory = new RequestFactory(action, bodyText == null ? Map.of() : Json.members(readBody(bodyText)));
    Map<String, Object> values = optionValues();
    List<String> keys = spec.positionalParameters().isEmpty() ? List.of() : spec.positionalParameters().get(0).getValue();
    String file = value(ActionCommands.FILE);
    boolean bulk = keys != null && !keys.isEmpty() || file != null;
    checkModes(bulk, keys, file, values);
    if (bulk) {
      BulkJob job = new BulkJob(action, context, factory, values, verbose, flag(ActionCommands.JSON));
      return job.run(settings, keys, file, value(ActionCommands.CHECKPOINT), flag(ActionCommands.RESEND_UNKNOWN),
          flag(ActionCommands.DRY_RUN));
    }
    Object[] args = factory.args(values);
    boolean dryRun = flag(ActionCommands.DRY_RUN);
    try (Session session = Session.open(settings, action, dryRun, context.out(), context.err())) {
      // A dry run shows the first page's request: its made-up answer has no cursor to follow.
      if (flag(ActionCommands.ALL) && !dryRun) {
        try (Stream<?> items = (Stream<?>) session.call(action.items(), factory.pagingArgs(args))) {
          items.forEach(item -> context.out().println(Json.of(item, false)));
        }
      } else {
        Object response = session.call(action.blocking(), args);
        if (!dryRun) {
          context.out().println(Json.of(response, true));
        }
      }
      context.out().flush();
      return ZimCommand.ALL_DONE;
    } catch (ZimException | IllegalStateException e) {
      context.out().flush();
      context.err().println("zim: " + Failures.describe(e, verbose));
      return ZimCommand.SOME_FAILED;
    }
  }

  private void checkModes(boolean bulk, List<String> keys, String file, Map<String, Object> values) {
    if (keys != null && !keys.isEmpty() && file != null) {
      throw usage("give " + spec.positionalParameters().get(0).paramLabel() + " arguments or --file, not both");
    }
    if (bulk && action.key().map(key -> values.containsKey(key.wireName())).orElse(false)) {
      throw usage("give " + action.key().get().optionName() + " or a bulk run's values, not both");
    }
    if (bulk && flag(ActionCommands.ALL)) {
      throw usage("--all follows one listing; it does not go with a bulk run");
    }
    if (!bulk && value(ActionCommands.CHECKPOINT) != null) {
      throw usage("--checkpoint records a bulk run: give --file or " + spec.positionalParameters().get(0).paramLabel() + " arguments");
    }
    if (flag(ActionCommands.ALL)) {
      action.cursorParams().stream().filter(values::containsKey).findFirst().ifPresent(cursor -> {
        throw usage("--all starts at the first page and sets " + Kebab.option(cursor) + " itself; drop it");
      });
    }
  }

  /** The action's options that were given, by wire name. */
  private Map<String, Object> optionValues() {
    Map<String, Object> values = new HashMap<>();
    for (ParamModel param : action.params()) {
      Object value = spec.findOption(param.optionName()).getValue();
      if (value != null) {
        values.put(param.wireName(), value);
      }
    }
    return values;
  }

  private static String readBody(String text) {
    if (!text.startsWith("@")) {
      return text;
    }
    Path file = Path.of(text.substring(1));
    try {
      return KeySource.withoutBom(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the file " + file + ": " + Failures.words(e));
    }
  }

  private boolean flag(String name) {
    CommandLine.Model.OptionSpec option = spec.findOption(name);
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  private String value(String name) {
    CommandLine.Model.OptionSpec option = spec.findOption(name);
    return option == null ? null : option.getValue();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
