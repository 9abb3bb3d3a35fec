package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.zimclient.client.ZimClient;
import dev.zimclient.client.callback.ZimCallbackHttpHandler;
import dev.zimclient.client.callback.ZimCallbackVerifier;
import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.model.RoomDestroyCallback;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code zim simulator}: the simulator's one command line, its defaults and what it prints. */
class SimulatorCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  /** What each run saw of its simulator while it served. */
  private final List<String> baseUrls = new ArrayList<>();
  private final List<List<Long>> appIds = new ArrayList<>();
  private final List<Integer> destroyCodes = new ArrayList<>();
  private boolean destroyRoomR;
  /** Callbacks the run's receiver verified while its simulator served, when a test listens. */
  private BlockingQueue<ZimCallback> callbacks;
  private final List<ZimCallback> callbacksWhileServing = new ArrayList<>();

  private int zim(Map<String, String> env, String... args) {
    return ZimCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new Terminal(false), env,
        simulator -> {
          baseUrls.add(simulator.baseUrl());
          appIds.add(List.copyOf(simulator.appIds()));
          if (destroyRoomR) {
            destroyCodes.add(destroyWithPrintedCredentials(simulator));
          }
          if (callbacks != null) {
            // Callbacks are sent while the simulator serves; it stops sending once the command ends.
            callbacksWhileServing.add(callbacks.poll(10, TimeUnit.SECONDS));
          }
        });
  }

  // Destroys room "r" signing with the AppId and secret the command printed, when it printed one.
  private int destroyWithPrintedCredentials(ZimSimulator simulator) {
    Matcher shown = Pattern.compile("AppId ([0-9]+) with the generated ServerSecret ([0-9a-f]{32})").matcher(out.toString());
    if (!shown.find()) {
      return -1;
    }
    try (ZimClient client = ZimClient.builder().appId(Long.parseLong(shown.group(1))).serverSecret(shown.group(2))
        .endpoint(simulator.baseUrl()).build()) {
      return client.create(RoomApi.class).destroyRoom("r", null).code();
    }
  }

  @Test
  void withNothingGivenItGeneratesCredentialsAndShowsThem() {
    destroyRoomR = true;
    assertEquals(0, zim(Map.of(), "simulator", "--port", "0", "--seed-room", "r"));
    assertTrue(baseUrls.get(0).matches("http://127\\.0\\.0\\.1:[0-9]+/"), baseUrls.toString());
    assertTrue(out.toString().startsWith("ZIM simulator listening on " + baseUrls.get(0) + System.lineSeparator()), out.toString());
    assertEquals(List.of(0), destroyCodes, "the printed credentials are the ones the simulator accepts");
    long appId = appIds.get(0).get(0);
    assertTrue(appId >= 1 && appId <= 0xFFFF_FFFFL, Long.toString(appId));
    assertEquals("", err.toString());
  }

  @Test
  void givenAppsAreAcceptedAndTheirSecretsNeverShown() {
    assertEquals(0, zim(Map.of(), "simulator", "--port", "0",
        "--app-id", "7", "--server-secret", "secret-of-seven", "--app-id", "8", "--server-secret", "secret-of-eight"));
    assertEquals(List.of(List.of(7L, 8L)), appIds);
    assertTrue(out.toString().contains("AppId 7 with the given ServerSecret"), out.toString());
    assertFalse(out.toString().contains("secret-of"), out.toString());
  }

  @Test
  void theEnvironmentGivesTheAppIdAndTheSecrets() {
    Map<String, String> env = Map.of(ConnectionOptions.APP_ID_ENV, "99", ConnectionOptions.SECRET_ENV, "from-env");
    assertEquals(0, zim(env, "simulator", "--port", "0"));
    assertEquals(0, zim(env, "simulator", "--port", "0", "--app-id", "5"));
    assertEquals(List.of(List.of(99L), List.of(5L)), appIds);
    assertFalse(out.toString().contains("generated"), out.toString());
    assertFalse(out.toString().contains("from-env"), out.toString());
  }

  @Test
  void withACallbackUrlRoomChangesArePostedSignedWithTheGivenSecret() throws Exception {
    callbacks = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/zim", new ZimCallbackHttpHandler(
        ZimCallbackVerifier.builder().callbackSecret("callback-secret-7").build(), callbacks::add));
    receiver.start();
    try {
      destroyRoomR = true;
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/zim";
      assertEquals(0, zim(Map.of(), "simulator", "--port", "0", "--seed-room", "r",
          "--callback-url", url, "--callback-secret", "callback-secret-7"));
      assertEquals(List.of(0), destroyCodes);
      RoomDestroyCallback destroyed = (RoomDestroyCallback) callbacksWhileServing.get(0);
      assertEquals("r", destroyed.roomId());
      assertTrue(out.toString().contains("callbacks to " + url + " signed with the given callback secret"), out.toString());
      assertFalse(out.toString().contains("callback-secret-7"), out.toString());
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aCallbackSecretNotGivenComesFromTheEnvironmentOrIsGeneratedAndShown() {
    assertEquals(0, zim(Map.of(SimulatorCommand.CALLBACK_SECRET_ENV, "from-env"), "simulator", "--port", "0",
        "--callback-url", "http://127.0.0.1:9/zim"));
    assertTrue(out.toString().contains("signed with the given callback secret"), out.toString());
    assertFalse(out.toString().contains("from-env"), out.toString());
    assertEquals(0, zim(Map.of(), "simulator", "--port", "0", "--callback-url", "http://127.0.0.1:9/zim"));
    assertTrue(Pattern.compile("signed with the generated callback secret [0-9a-f]{32}").matcher(out.toString()).find(),
        out.toString());
  }

  @Test
  void listensOnTheAddressItIsGiven() {
    assertEquals(0, zim(Map.of(), "simulator", "--port", "0", "--bind", "127.0.0.2"));
    assertTrue(baseUrls.get(0).startsWith("http://127.0.0.2:"), baseUrls.toString());
    assertEquals("", err.toString());

    assertEquals(0, zim(Map.of(), "simulator", "--port", "0", "--bind", "0.0.0.0"));
    assertTrue(baseUrls.get(1).startsWith("http://127.0.0.1:"), baseUrls.toString());
    assertTrue(err.toString().contains("plain HTTP beyond loopback"), err.toString());
  }

  @Test
  void badCommandLinesAreUsageErrors() {
    for (String[] bad : List.of(
        new String[] {"simulator", "--port", "70000"},
        new String[] {"simulator", "--port", "x"},
        new String[] {"simulator", "--server-secret", "s"},
        new String[] {"simulator", "--app-id", "x"},
        new String[] {"simulator", "--app-id", "4294967296", "--server-secret", "s"},
        new String[] {"simulator", "--bind", "[::1"},
        new String[] {"simulator", "--seed-room"},
        new String[] {"simulator", "--callback-secret", "s"},
        new String[] {"simulator", "--callback-url", "ftp://127.0.0.1/zim"},
        new String[] {"simulator", "--callback-url"})) {
      assertEquals(ZimCommand.USAGE_ERROR, zim(Map.of(), bad), String.join(" ", bad));
    }
    assertEquals(List.of(), baseUrls, "no simulator was started");
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void aPortInUseIsOneLineAndAUsageError() {
    try (ZimSimulator busy = ZimSimulator.builder().app(1, "s").start()) {
      assertEquals(ZimCommand.USAGE_ERROR, zim(Map.of(), "simulator", "--port", Integer.toString(busy.port())));
    }
    assertTrue(err.toString().startsWith("zim: cannot bind 127.0.0.1 port "), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  @Test
  void jettyLogsOnlyWarnings() {
    assertFalse(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isInfoEnabled());
    assertTrue(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isWarnEnabled());
    assertTrue(LoggerFactory.getLogger("dev.zimclient.client.ZimClient").isInfoEnabled());
  }

  @Test
  void theHelpNamesEveryOptionAndItsDefault() {
    assertEquals(0, zim(Map.of(), "simulator", "--help"));
    for (String expected : List.of("--bind", "--port", "Default: 8080", "--app-id", "--server-secret", "--seed-room", "ZIM_SERVER_SECRET",
        "--callback-url", "--callback-secret", "ZIM_CALLBACK_SECRET")) {
      assertTrue(out.toString().contains(expected), expected + " in " + out);
    }
  }
}
