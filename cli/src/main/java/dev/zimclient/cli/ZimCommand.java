package dev.zimclient.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code zim} command: destroys rooms or runs the local simulator. */
@Command(
    name = "zim",
    mixinStandardHelpOptions = true,
    version = "zim 0.1.0",
    description = "Operate a ZEGO ZIM app from the command line.",
    subcommands = {DestroyRoomCommand.class, SimulatorCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all rooms destroyed", "1:some rooms failed", "2:usage or configuration error"})
public final class ZimCommand implements Runnable {
  static final int ALL_DONE = 0;
  static final int SOME_FAILED = 1;
  static final int USAGE_ERROR = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. destroy-room");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.detect()));
  }

  /** Runs the command line and returns its exit code; the entry point for tests too. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    return run(args, out, err, terminal, System.getenv(), SimulatorCommand::untilStopped);
  }

  /** {@link #run(String[], PrintWriter, PrintWriter, Terminal)} with the environment and what a running simulator waits for. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal, Map<String, String> env,
      SimulatorCommand.WhileServing whileServing) {
    CommandLine commandLine = new CommandLine(new ZimCommand(), new ContextFactory(out, err, terminal, env, whileServing));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(ZimCommand::usageError);
    commandLine.setExecutionExceptionHandler(ZimCommand::failure);
    return commandLine.execute(args);
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("zim: " + e.getMessage());
    err.println("Try 'zim --help' or '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    return USAGE_ERROR;
  }

  private static int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof ConfigurationException || e instanceof IllegalArgumentException) {
      err.println("zim: " + e.getMessage());
    } else {
      err.println("zim: " + e);
    }
    if (parseResult.hasMatchedOption("--verbose")) {
      e.printStackTrace(err);
    }
    return USAGE_ERROR;
  }

  /** Gives subcommands the streams, terminal and environment of this run. */
  private record ContextFactory(PrintWriter out, PrintWriter err, Terminal terminal, Map<String, String> env,
      SimulatorCommand.WhileServing whileServing) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == DestroyRoomCommand.class) {
        return type.cast(new DestroyRoomCommand(out, err, terminal));
      }
      if (type == SimulatorCommand.class) {
        return type.cast(new SimulatorCommand(out, err, env, whileServing));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
