package dev.zimclient.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zim completion bash|zsh}: the completion script of the whole command tree, as picocli
 * generates it. The script serves zsh too, through its bash-completion layer, which it loads.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
      "Print the shell completion script of zim.",
      "bash: source <(zim completion bash)    zsh: source <(zim completion zsh)"
    })
final class CompletionCommand implements Callable<Integer> {
  enum Shell { bash, zsh }

  @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.commandLine().getParent();
    String script = AutoComplete.bash(root.getCommandName(), root);
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ZimCommand.ALL_DONE;
  }
}
