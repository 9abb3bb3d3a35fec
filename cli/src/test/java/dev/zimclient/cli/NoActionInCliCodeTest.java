package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.simulator.spec.SpecCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands come from the spec alone: the hand-written code of the command line names no
 * action, neither as the spec spells it nor as a command (DestroyRoom, destroy-room), and uses no
 * action's generated interface or record by name.
 */
class NoActionInCliCodeTest {
  /** Surefire runs in the module's directory. */
  static final Path MAIN_SOURCES = Path.of("src", "main");

  @Test
  void handWrittenSourcesNameNoActionOfTheSpec() {
    List<Path> files = files(MAIN_SOURCES);
    assertTrue(files.contains(MAIN_SOURCES.resolve("java/dev/zimclient/cli/ZimCommand.java")), "the scan reads the real sources");
    assertEquals(List.of(), mentions(files, words(SpecCatalog.fromClasspath().actions().keySet())));
  }

  @Test
  void scanFindsAnActionWhereverItIsAndInEitherSpelling(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Special.java"), "class Special {\n  // destroy-rooms is another word\n"
        + "  boolean is(String a) { return a.equals(\"destroy-room\"); }\n  RoomApi api; // destroyRoom\n}\n");
    assertEquals(List.of(dir.resolve("Special.java") + ":3: destroy-room", dir.resolve("Special.java") + ":4: destroyRoom",
        dir.resolve("Special.java") + ":4: RoomApi"), mentions(files(dir), words(List.of("DestroyRoom"))));
  }

  /** Each action as the spec, a command and a method spell it, and the generated interfaces by name. */
  static List<String> words(Collection<String> actions) {
    List<String> words = new ArrayList<>();
    for (String action : actions) {
      words.add(action);
      words.add(Kebab.of(action));
      words.add(Character.toLowerCase(action.charAt(0)) + action.substring(1));
    }
    List.of("RoomApi", "UserApi", "GroupApi", "MessageApi", "ConversationApi", "CallApi", "CommunityApi", "BotApi", "AudioApi")
        .forEach(words::add);
    return words;
  }

  /** Each line that names one of the words as a whole word (a hyphen ends no word), as {@code file:line: word}. */
  static List<String> mentions(List<Path> files, List<String> words) {
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        for (String word : words) {
          if (Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(lines.get(i)).find()) {
            found.add(file + ":" + (i + 1) + ": " + word);
          }
        }
      }
    }
    return found;
  }

  static List<Path> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
