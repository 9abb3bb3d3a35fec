package dev.zimclient.cli;

import dev.zimclient.generated.ZimRateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds the command of an action from its model: one option per query parameter and top-level
 * body field, named after it, with the spec's description and limits; and the options every
 * action shares.
 */
final class ActionCommands {
  static final String BODY = "--body";
  static final String ALL = "--all";
  static final String FILE = "--file";
  static final String CHECKPOINT = "--checkpoint";
  static final String RESEND_UNKNOWN = "--resend-unknown";
  static final String JSON = "--json";
  static final String DRY_RUN = "--dry-run";
  static final String VERBOSE = "--verbose";

  private ActionCommands() {}

  /** The command line of one action, running {@code command}. */
  static CommandLine build(ActionModel action, ActionCommand command, CommandLine.IFactory factory) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(action.commandName()).mixinStandardHelpOptions(true).versionProvider(new Version());
    spec.usageMessage().description(description(action)).sortOptions(false);
    for (ParamModel param : action.params()) {
      spec.addOption(option(param));
    }
    action.key().ifPresent(key -> {
      spec.addPositional(PositionalParamSpec.builder().paramLabel(Kebab.label(key.wireName())).arity("0..*")
          .type(List.class).auxiliaryTypes(String.class)
          .description(escape("Values of " + key.optionName() + ", one request each: a bulk run, paced by the action's limit.")).build());
      spec.addOption(flag(FILE, "FILE", String.class, "Values of " + key.optionName()
          + " from FILE, one per line ('-' for standard input): a bulk run, paced by the action's limit."));
      spec.addOption(flag(CHECKPOINT, "FILE", String.class, "Record each finished item in FILE; a rerun with it skips them and goes on."));
      spec.addOption(flag(RESEND_UNKNOWN, null, boolean.class, "Send again the items whose outcome an earlier run left unknown."));
      spec.addOption(flag(JSON, null, boolean.class, "In a bulk run, print one JSON object per item."));
    });
    if (action.hasBody()) {
      spec.addOption(flag(BODY, "JSON|@FILE", String.class, "The whole JSON body, or @FILE to read it; the options above override its fields."));
    }
    if (action.pages()) {
      spec.addOption(flag(ALL, null, boolean.class, "Follow the cursor to the last page and print every item, one JSON object per line."));
    }
    spec.addOption(flag(DRY_RUN, null, boolean.class, "Validate, print the request that would be sent (method, URL, body), send nothing."));
    spec.addOption(flag(VERBOSE, null, boolean.class, "Log each request and show the exception classes behind failures."));
    spec.addMixin("connection", CommandSpec.forAnnotatedObject(command.connection(), factory));
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ZimCommand.EXIT_CODES);
    return new CommandLine(spec, factory);
  }

  /** A command that only names the action and says what it does, for the list of commands. */
  static CommandLine summaryOnly(ActionModel action) {
    CommandSpec spec = CommandSpec.create().name(action.commandName());
    spec.usageMessage().description(description(action));
    return new CommandLine(spec);
  }

  private static String[] description(ActionModel action) {
    List<String> lines = new ArrayList<>();
    lines.add(action.summary().isEmpty() ? action.action() + "." : action.summary());
    StringBuilder facts = new StringBuilder("Action ").append(action.action()).append(", ")
        .append(action.hasBody() ? "POST" : "GET");
    for (ZimRateLimit limit : action.blocking().getAnnotationsByType(ZimRateLimit.class)) {
      facts.append(", ").append(limit.permits()).append(limit.periodSeconds() == 1 ? "/s" : " per " + limit.periodSeconds() + " s");
      if (limit.scope() != ZimRateLimit.Scope.APP) {
        facts.append(" per ").append(limit.scope().name().toLowerCase(Locale.ROOT));
      }
    }
    facts.append(action.idempotent() ? "; may be sent again." : "; never sent twice.");
    lines.add(facts.toString());
    lines.add("Prints the response as JSON. Without credentials or an endpoint, runs against a local simulator.");
    return lines.stream().map(ActionCommands::escape).toArray(String[]::new);
  }

  private static OptionSpec option(ParamModel param) {
    OptionSpec.Builder option = OptionSpec.builder(param.optionName())
        .paramLabel(param.kind() == ParamModel.Kind.JSON ? "JSON" : Kebab.label(param.wireName()))
        .description(escape(param.help()))
        .arity("1");
    if (param.kind() == ParamModel.Kind.LIST) {
      option.type(List.class).auxiliaryTypes(param.valueType());
    } else {
      option.type(param.valueType());
    }
    return option.build();
  }

  private static OptionSpec flag(String name, String label, Class<?> type, String description) {
    OptionSpec.Builder option = OptionSpec.builder(name).type(type).description(escape(description));
    if (label != null) {
      option.paramLabel(label).arity("1");
    }
    return option.build();
  }

  /** Help text is a format string with variables to picocli; the spec's text is meant as it is. */
  static String escape(String text) {
    return text.replace("%", "%%").replace("${", "$${");
  }
}
