package com.example.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.ZimClient;
import dev.zimclient.simulator.ZimSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The published artifacts, resolved from a repository, doing the README's job. */
class RoomCleanerTest {
  private static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  @Test
  void destroysARoomOnTheSimulatorAndMetersIt() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ZimSimulator simulator = ZimSimulator.builder().app(42, SECRET).seedRoom("room-1").start();
        RoomCleaner cleaner = new RoomCleaner(42, SECRET, simulator.baseUrl(), meters)) {
      assertTrue(cleaner.destroy("room-1"));
      assertFalse(cleaner.destroy("room-1"));
      assertFalse(simulator.rooms().contains("room-1"));
    }
    assertEquals(2, meters.get("zim.client.calls").timers().stream().mapToLong(t -> t.count()).sum());
  }

  @Test
  void theClientJarCameFromTheRepositoryWithItsModuleName() throws Exception {
    Path jar = Path.of(ZimClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    System.out.println("zim-client-ext resolved from " + jar);
    assertTrue(jar.toString().contains("dev/zimclient/zim-client-ext/"), jar.toString());
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals("dev.zimclient.client", file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
    }
  }
}
