package dev.zimclient.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code zim} command: one subcommand per action of the spec, built from the generated
 * interfaces at start; the local simulator; and shell completion.
 */
@Command(
    name = "zim",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Operate a ZEGO ZIM app from the command line: every action of the ZIM Server API is a command.",
      "Without credentials or an endpoint, commands run against a local simulator."
    })
public final class ZimCommand implements Runnable {
  static final int ALL_DONE = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE_ERROR = 2;
  static final int INTERRUPTED = 130;
  static final Map<String, String> EXIT_CODES = exitCodes();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command; 'zim --help' lists one per action");
  }

  public static void main(String[] args) {
    StopSignal stop = StopSignal.onInterrupt();
    Context context = new Context(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.detect(),
        System.getenv(), System.in, stop);
    int code = run(args, context, SimulatorCommand::untilStopped);
    stop.finished();
    if (!stop.requested()) {
      System.exit(code);
    }
  }

  /** Runs the command line with the environment given, reading this process's standard input. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal, Map<String, String> env,
      SimulatorCommand.WhileServing whileServing) {
    return run(args, new Context(out, err, terminal, env, System.in, StopSignal.manual()), whileServing);
  }

  /** Runs the command line and returns its exit code. */
  static int run(String[] args, Context context, SimulatorCommand.WhileServing whileServing) {
    CommandLine commandLine = commandLine(context, whileServing, commandNamed(args));
    // "--body @FILE" names a body file; picocli would otherwise read it as more arguments.
    commandLine.setExpandAtFiles(false);
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setParameterExceptionHandler(ZimCommand::usageError);
    commandLine.setExecutionExceptionHandler(ZimCommand::failure);
    return commandLine.execute(args);
  }

  /** The whole command tree, every action's command with all its options. */
  static CommandLine commandLine(Context context, SimulatorCommand.WhileServing whileServing) {
    return commandLine(context, whileServing, null);
  }

  /**
   * The command tree: built-in commands, then one per action. Only the command that will run is
   * built with its options (all of them for completion, which describes every one): the others
   * need no more than their name and summary for the help, and building 72 commands' options
   * would cost every start a large share of its time.
   *
   * @param target the command named on the command line, or null to build every command whole
   */
  static CommandLine commandLine(Context context, SimulatorCommand.WhileServing whileServing, String target) {
    CommandLine.IFactory factory = CommandLine.defaultFactory();
    CommandLine root = new CommandLine(new ZimCommand(), factory);
    root.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
    root.addSubcommand(new CommandLine(new SimulatorCommand(context.out(), context.err(), context.env(), whileServing), factory));
    root.addSubcommand(new CommandLine(new CompletionCommand(), factory));
    boolean everything = target == null || target.equals("completion");
    for (ActionModel action : ActionCatalog.load()) {
      if (everything || action.commandName().equals(target)) {
        ActionCommand command = new ActionCommand(action, context);
        CommandLine sub = ActionCommands.build(action, command, factory);
        command.attach(sub.getCommandSpec());
        root.addSubcommand(action.commandName(), sub);
      } else {
        root.addSubcommand(action.commandName(), ActionCommands.summaryOnly(action));
      }
    }
    return root;
  }

  /** The first word that is not an option: the command to run, if any. */
  private static String commandNamed(String[] args) {
    return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new java.util.LinkedHashMap<>();
    codes.put(String.valueOf(ALL_DONE), "all done");
    codes.put(String.valueOf(SOME_FAILED), "some requests failed");
    codes.put(String.valueOf(USAGE_ERROR), "usage or configuration error");
    codes.put(String.valueOf(INTERRUPTED), "stopped by Ctrl-C (a bulk run ends its requests in flight first)");
    return java.util.Collections.unmodifiableMap(codes);
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("zim: " + e.getMessage());
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    return USAGE_ERROR;
  }

  private static int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption(ActionCommands.VERBOSE);
    if (e instanceof ConfigurationException || e instanceof IllegalArgumentException) {
      err.println("zim: " + (verbose ? Failures.describe(e, true) : e.getMessage()));
    } else {
      err.println("zim: " + Failures.describe(e, verbose));
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    return USAGE_ERROR;
  }
}
