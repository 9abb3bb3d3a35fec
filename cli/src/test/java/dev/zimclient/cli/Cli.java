package dev.zimclient.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code zim} in this JVM with an environment of the test's own: no profile of the machine's
 * user leaks in (ZIM_CONFIG_FILE points at a file that does not exist unless a test writes it).
 */
final class Cli {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final Map<String, String> env = new HashMap<>();
  final StopSignal stop = StopSignal.manual();
  InputStream stdin = new ByteArrayInputStream(new byte[0]);

  Cli(Path dir) {
    env.put(Profiles.CONFIG_ENV, dir.resolve("zim-config").toString());
  }

  Cli stdin(String text) {
    stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  int run(String... args) {
    Context context = new Context(new PrintWriter(out, true), new PrintWriter(err, true), new Terminal(false), env, stdin, stop);
    return ZimCommand.run(args, context, simulator -> { });
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
