package dev.zimclient.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise that an action is added by editing the spec alone: the hand-written client names no
 * action and uses no action's generated interface or record, only the generated annotations.
 */
class NoActionInHandWrittenCodeTest {
  /** Surefire runs in the module's directory. */
  static final Path MAIN_SOURCES = Path.of("src", "main");

  @Test
  void handWrittenSourcesNameNoActionOfTheSpec() {
    List<Path> files = files(MAIN_SOURCES);
    assertTrue(files.contains(MAIN_SOURCES.resolve("java/dev/zimclient/client/ZimClient.java")),
        "the scan reads the real sources: " + files.size() + " files");
    assertEquals(List.of(), mentions(files, ZimSpec.get().actions()));
  }

  @Test
  void scanFindsAnActionNameWhereverItIs(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Special.java"), "class Special {\n  // CreateRoomX is another word\n"
        + "  boolean is(String a) { return a.equals(\"KickoutRoomUser\"); }\n}\n");
    Files.writeString(dir.resolve("notes.txt"), "see DestroyRoom\n");
    assertEquals(List.of(dir.resolve("Special.java") + ":3: KickoutRoomUser", dir.resolve("notes.txt") + ":1: DestroyRoom"),
        mentions(files(dir), List.of("CreateRoom", "DestroyRoom", "KickoutRoomUser")));
  }

  @Test
  void handWrittenClassesUseNoGeneratedInterfaceOrRecord() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.zimclient.client");
    assertTrue(classes.contain(ZimClient.class), "the rule sees the real classes");
    actionTypesRule().check(classes);
  }

  @Test
  void ruleCatchesAClassThatUsesAnActionsRecord() {
    JavaClasses classes = new ClassFileImporter().importClasses(UsesARecord.class);
    AssertionError e = assertThrows(AssertionError.class,
        () -> actionTypesRule().check(classes));
    assertTrue(e.getMessage().contains("DestroyRoomResponse"), e.getMessage());
  }

  static ArchRule actionTypesRule() {
    return noClasses().that().resideInAPackage("dev.zimclient.client..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.zimclient.generated.api..", "dev.zimclient.generated.model..")
        .because("actions are added in the spec alone; hand-written code reads only the generated annotations");
  }

  /** Each line that names an action as a whole word, as {@code file:line: action}. */
  static List<String> mentions(List<Path> files, Collection<String> actions) {
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        for (String action : actions) {
          Matcher matcher = Pattern.compile("\\b" + Pattern.quote(action) + "\\b").matcher(lines.get(i));
          if (matcher.find()) {
            found.add(file + ":" + (i + 1) + ": " + action);
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

  /** A stand-in for hand-written code that knows an action. */
  static final class UsesARecord {
    int code(dev.zimclient.generated.model.DestroyRoomResponse response) {
      return response.code();
    }
  }
}
