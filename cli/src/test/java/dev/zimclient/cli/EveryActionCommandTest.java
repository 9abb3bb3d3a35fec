package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.simulator.spec.SpecCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command per action of the spec, named and optioned after it, with its help. */
class EveryActionCommandTest {
  @TempDir Path dir;

  @Test
  void namesAreTheActionInKebabCase() {
    assertEquals("destroy-room", Kebab.of("DestroyRoom"));
    assertEquals("query-room-user-list", Kebab.of("QueryRoomUserList"));
    assertEquals("edit-c2c-msg-body", Kebab.of("EditC2cMsgBody"));
    assertEquals("cgi-describe-zim-audio-license", Kebab.of("CgiDescribeZIMAudioLicense"));
    assertEquals("--room-id", Kebab.option("RoomId"));
    assertEquals("--user-id", Kebab.option("UserId[]"));
    assertEquals("--mute-role-list", Kebab.option("MuteRoleList[]"));
  }

  @Test
  void helpListsACommandForEveryActionOfTheSpec() {
    Cli zim = new Cli(dir);
    assertEquals(0, zim.run("--help"));
    Set<String> listed = zim.out().lines().map(String::strip).filter(line -> !line.isEmpty())
        .map(line -> line.split("\\s+")[0]).collect(Collectors.toCollection(TreeSet::new));
    Set<String> actions = SpecCatalog.fromClasspath().actions().keySet();
    assertEquals(72, actions.size());
    for (String action : actions) {
      assertTrue(listed.contains(Kebab.of(action)), "zim --help lists " + Kebab.of(action));
    }
  }

  @Test
  void everyParameterOfEveryActionIsAnOptionNamedAfterIt() {
    Cli zim = new Cli(dir);
    var root = ZimCommand.commandLine(new Context(null, null, new Terminal(false), zim.env, zim.stdin, zim.stop), s -> { });
    SpecCatalog spec = SpecCatalog.fromClasspath();
    for (var action : spec.actions().values()) {
      var command = root.getSubcommands().get(Kebab.of(action.name()));
      for (var param : action.params()) {
        assertTrue(command.getCommandSpec().findOption(Kebab.option(param.name())) != null,
            action.name() + " has " + Kebab.option(param.name()));
      }
    }
  }

  @Test
  void helpMarksRequiredOptionsWithTheSpecsDescriptionAndLimits() {
    Cli zim = new Cli(dir);
    assertEquals(0, zim.run("kickout-room-user", "--help"));
    String help = zim.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("--room-id=ROOM_ID (required) The room to remove the users from. Limits: 1..32 bytes; matching"), help);
    assertTrue(help.contains("--user-id=USER_ID (required)"), help);
    assertTrue(help.contains("1..50 items"), help);
    assertTrue(help.contains("Repeat for more items."), help);
    assertTrue(help.contains("--custom-reason=CUSTOM_REASON"), help);
    assertTrue(help.contains("Action KickoutRoomUser, GET, 20/s; may be sent again."), help);
  }

  @Test
  void completionPrintsAScriptThatKnowsEveryCommand() {
    Cli zim = new Cli(dir);
    assertEquals(0, zim.run("completion", "bash"));
    String script = zim.out();
    assertTrue(script.contains("complete -F _complete_zim"), script.substring(0, Math.min(400, script.length())));
    for (String command : List.of("destroy-room", "query-room-user-list", "cgi-describe-zim-audio-license", "simulator")) {
      assertTrue(script.contains(command), command);
    }
    assertTrue(script.contains("--room-id"));
    Cli zsh = new Cli(dir);
    assertEquals(0, zsh.run("completion", "zsh"));
    assertTrue(zsh.out().contains("bashcompinit"), "zsh loads bash completion for the same script");
    assertEquals(2, new Cli(dir).run("completion", "fish"));
  }

  @Test
  void versionComesFromTheBuild() {
    Cli zim = new Cli(dir);
    assertEquals(0, zim.run("--version"));
    assertTrue(zim.out().strip().matches("zim [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?"), zim.out());
  }
}
