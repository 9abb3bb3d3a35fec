package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.simulator.ZimSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --profile and ZIM_PROFILE: settings from an INI file; flags beat the environment, which beats the profile. */
class ProfilesTest {
  static final long APP_ID = 515151;
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;
  ZimSimulator simulator;
  Cli zim;
  Path config;

  @BeforeEach
  void start() {
    simulator = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("r1").seedRoom("r2").start();
    zim = new Cli(dir);
    config = Path.of(zim.env.get(Profiles.CONFIG_ENV));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  static Path privateFile(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private void profile(String section, String... lines) throws IOException {
    privateFile(config, "# zim profiles\n[" + section + "]\n" + String.join("\n", lines) + "\n");
  }

  @Test
  void aNamedProfileGivesAppIdSecretAndEndpoint() throws IOException {
    profile("profile staging", "app_id = " + APP_ID, "server_secret = " + SECRET, "endpoint = " + simulator.baseUrl());
    assertEquals(0, zim.run("destroy-room", "r1", "--profile", "staging"), zim.err());
    assertFalse(simulator.rooms().contains("r1"));
    zim.env.put(ConnectionOptions.PROFILE_ENV, "staging");
    assertEquals(0, zim.run("destroy-room", "r2"), zim.err());
    assertTrue(simulator.rooms().isEmpty());
    assertFalse(zim.err().contains("local simulator"), zim.err());
  }

  @Test
  void theDefaultProfileAppliesWhenNoneIsNamed() throws IOException {
    profile("default", "app_id = " + APP_ID, "server_secret = " + SECRET, "endpoint = " + simulator.baseUrl());
    assertEquals(0, zim.run("destroy-room", "r1"), zim.err());
    assertEquals(1, simulator.journal().size());
  }

  @Test
  void flagsBeatTheEnvironmentWhichBeatsTheProfile() throws IOException {
    profile("p", "app_id = 999", "server_secret = " + SECRET, "endpoint = " + simulator.baseUrl());
    zim.env.put(ConnectionOptions.APP_ID_ENV, String.valueOf(APP_ID));
    assertEquals(0, zim.run("destroy-room", "r1", "--profile", "p"), "the environment's AppId, not the profile's: " + zim.err());
    zim.env.put(ConnectionOptions.APP_ID_ENV, "998");
    assertEquals(0, zim.run("destroy-room", "r2", "--profile", "p", "--app-id", String.valueOf(APP_ID)), zim.err());
    assertEquals(2, simulator.journal().stream().filter(e -> e.appId().getAsLong() == APP_ID).count());
    assertEquals(1, zim.run("destroy-room", "--room-id", "r3", "--profile", "p"), "998 from the environment: " + zim.err());
  }

  @Test
  void aSecretInAWorldReadableFileIsRefusedInOneLine() throws IOException {
    profile("p", "app_id = " + APP_ID, "server_secret = " + SECRET, "endpoint = " + simulator.baseUrl());
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(2, zim.run("destroy-room", "r1", "--profile", "p"));
    assertEquals("zim: the configuration file " + config + " holds a ServerSecret and every user of this machine can read it;"
        + " refused: make it private with chmod 600 " + config, zim.err().strip());
    assertFalse(zim.err().contains(SECRET));
    assertTrue(simulator.journal().isEmpty());
  }

  @Test
  void aSecretFileNamedByTheProfileIsReadBesideItAndMustBePrivate() throws IOException {
    Path secret = privateFile(dir.resolve("secret.txt"), SECRET + "\n");
    profile("p", "app_id = " + APP_ID, "server_secret_file = secret.txt", "endpoint = " + simulator.baseUrl());
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(0, zim.run("destroy-room", "r1", "--profile", "p"), "a config without a secret may be readable: " + zim.err());
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(2, zim.run("destroy-room", "r2", "--profile", "p"));
    assertTrue(zim.err().contains("every user of this machine can read it"), zim.err());
  }

  @Test
  void anUnknownProfileOrKeyIsAConfigurationError() throws IOException {
    profile("prod", "app_id = 1", "secret = oops");
    assertEquals(2, zim.run("destroy-room", "r1", "--profile", "prod"));
    assertTrue(zim.err().contains(":4: unknown key 'secret'"), zim.err());
    profile("prod", "app_id = 1");
    assertEquals(2, zim.run("destroy-room", "r1", "--profile", "staging"));
    assertTrue(zim.err().contains("no profile 'staging' in " + config + " (it has: prod)"), zim.err());
  }

  @Test
  void theLocalSimulatorLineNamesTheProfilesThatWouldReachZego() throws IOException {
    profile("prod", "app_id = 1");
    assertEquals(0, zim.run("destroy-room", "x"));
    assertTrue(zim.err().contains("To reach ZEGO: --profile prod (from " + config + ")"), zim.err());
  }
}
