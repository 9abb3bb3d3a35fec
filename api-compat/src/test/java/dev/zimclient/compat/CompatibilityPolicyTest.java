package dev.zimclient.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's policy on small APIs compiled here, shaped like the generated ones: what it must
 * refuse and what it must let through.
 */
class CompatibilityPolicyTest {
  private static final String ROOM_API = "dev/zimclient/generated/api/RoomApi.java";
  private static final String REQUEST = "dev/zimclient/generated/model/CreateRoomRequest.java";
  private static final String CLIENT = "dev/zimclient/client/ZimThing.java";
  private static final String INTERNAL = "dev/zimclient/client/internal/Stage.java";

  @TempDir
  Path dir;

  private final Map<String, String> baseline = new LinkedHashMap<>(Map.of(
      ROOM_API, """
          package dev.zimclient.generated.api;
          public interface RoomApi {
            String destroyRoom(String roomId, String fromUserId);
          }""",
      REQUEST, request("String roomId", "roomId"),
      CLIENT, """
          package dev.zimclient.client;
          public final class ZimThing {
            public void start() {}
            public void stop() {}
          }""",
      INTERNAL, """
          package dev.zimclient.client.internal;
          public final class Stage {
            public Stage(int a) {}
          }"""));

  @Test
  void aNewQueryParameterOfAGetActionIsABreak() {
    List<ApiGate.Break> breaks = breaksAfter(ROOM_API, """
        package dev.zimclient.generated.api;
        public interface RoomApi {
          String destroyRoom(String roomId, String fromUserId, Integer reason);
        }""");

    assertTrue(breaks.stream().anyMatch(b -> b.where().equals(
        "dev.zimclient.generated.api.RoomApi.destroyRoom(java.lang.String, java.lang.String)")), breaks.toString());
  }

  @Test
  void aNewFieldOfARequestRecordIsNoBreakItsBuilderIsTheApi() {
    assertEquals(List.of(), breaksAfter(REQUEST, request("String roomId, Integer maxUsers", "roomId", "maxUsers")));
  }

  @Test
  void aRemovedFieldOfARequestRecordIsABreak() {
    Map<String, String> two = new LinkedHashMap<>(baseline);
    two.put(REQUEST, request("String roomId, Integer maxUsers", "roomId", "maxUsers"));
    List<ApiGate.Break> breaks = ApiGate.breaks(compile(two, "two"), compile(baseline, "one"));

    assertTrue(breaks.stream().anyMatch(b -> b.where().endsWith("CreateRoomRequest.maxUsers()")), breaks.toString());
  }

  @Test
  void aNewActionOnAnInterfaceIsNoBreak() {
    assertEquals(List.of(), breaksAfter(ROOM_API, """
        package dev.zimclient.generated.api;
        public interface RoomApi {
          String destroyRoom(String roomId, String fromUserId);
          String queryRoom(String roomId);
        }"""));
  }

  @Test
  void aRemovedPublicMethodIsABreakOutsideInternalPackagesOnly() {
    List<ApiGate.Break> breaks = breaksAfter(CLIENT, """
        package dev.zimclient.client;
        public final class ZimThing {
          public void start() {}
        }""");
    assertEquals(List.of("dev.zimclient.client.ZimThing.stop(): METHOD_REMOVED"),
        breaks.stream().map(ApiGate.Break::toString).toList());

    assertEquals(List.of(), breaksAfter(INTERNAL, """
        package dev.zimclient.client.internal;
        public final class Stage {
          public Stage(String a) {}
        }"""));
  }

  private List<ApiGate.Break> breaksAfter(String file, String source) {
    Map<String, String> changed = new LinkedHashMap<>(baseline);
    changed.put(file, source);
    return ApiGate.breaks(compile(baseline, "baseline"), compile(changed, "current"));
  }

  /** A generated-style record with a builder. */
  private static String request(String components, String... names) {
    StringBuilder builder = new StringBuilder();
    List<String> types = new ArrayList<>();
    for (String component : components.split(", ")) {
      types.add(component.split(" ")[0]);
    }
    for (int i = 0; i < names.length; i++) {
      builder.append("    private ").append(types.get(i)).append(' ').append(names[i]).append(";\n")
          .append("    public Builder ").append(names[i]).append('(').append(types.get(i)).append(" v) { ")
          .append(names[i]).append(" = v; return this; }\n");
    }
    return """
        package dev.zimclient.generated.model;
        public record CreateRoomRequest(%s) {
          public static Builder builder() { return new Builder(); }
          public static final class Builder {
        %s    public CreateRoomRequest build() { return new CreateRoomRequest(%s); }
          }
        }""".formatted(components, builder, String.join(", ", names));
  }

  private byte[] compile(Map<String, String> sources, String name) {
    try {
      Path src = Files.createDirectories(dir.resolve(name + "-src"));
      Path out = Files.createDirectories(dir.resolve(name + "-classes"));
      List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        arguments.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "compiles");
      return Jars.of(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
