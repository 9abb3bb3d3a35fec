package dev.zimclient.testsupport;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.simulator.GeneratedCredentials;
import dev.zimclient.simulator.ZimSimulator;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link ZimSimulator} on a free loopback port for JUnit 5 tests and hands out a client
 * configured for it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ZimSimulatorExtension zim = ZimSimulatorExtension.builder()
 *     .simulator(s -> s.seedRoom("room-1"))
 *     .build();
 *
 * @Test
 * void destroysTheRoom(RoomApi rooms) {
 *   rooms.destroyRoom("room-1", null);
 *   assertFalse(zim.simulator().rooms().contains("room-1"));
 * }
 * }</pre>
 *
 * <p>In a {@code static} field one simulator serves the whole class and is {@link
 * ZimSimulator#reset() reset} before each test (unless turned off); in an instance field each
 * test gets its own. Test parameters of type {@link ZimSimulator}, {@link ZimClient} and any
 * generated API interface (one whose methods carry {@link ZimAction}, e.g. {@code RoomApi}) are
 * injected. One simulator is shared by the tests of a class: run them in the same thread.
 *
 * <p>It lives in {@code zim-test-support}, the one module that knows the simulator, the client and
 * JUnit, so that the simulator depends on none of them; and in its own package rather than
 * {@code dev.zimclient.simulator}, so that no package is split across two jars (the module path
 * refuses that) and the import names the artifact a test needs.
 */
public final class ZimSimulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** The AppId used when none is configured. */
  public static final long DEFAULT_APP_ID = 1_234_567_890L;


  private final long appId;
  private final String serverSecret;
  private final Consumer<ZimSimulator.Builder> simulatorSettings;
  private final Consumer<? super ZimClientBuilder> clientSettings;
  private final boolean resetBetweenTests;

  private ZimSimulator simulator;
  private ZimClient client;
  private int classDepth;

  /** A simulator for {@link #DEFAULT_APP_ID} with a random secret and nothing else configured. */
  public ZimSimulatorExtension() {
    this(builder());
  }

  private ZimSimulatorExtension(Builder builder) {
    this.appId = builder.appId;
    this.serverSecret = builder.serverSecret != null ? builder.serverSecret : GeneratedCredentials.serverSecret();
    this.simulatorSettings = builder.simulatorSettings;
    this.clientSettings = builder.clientSettings;
    this.resetBetweenTests = builder.resetBetweenTests;
  }

  public static Builder builder() {
    return new Builder();
  }

  // --- lifecycle ---------------------------------------------------------------------------

  @Override
  public void beforeAll(ExtensionContext context) {
    // @Nested classes call this again on the same instance: start once, stop after the outermost.
    if (classDepth++ == 0) {
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--classDepth == 0) {
      stop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (classDepth == 0) {
      start();
    } else if (resetBetweenTests) {
      simulator.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (classDepth == 0) {
      stop();
    }
  }

  private void start() {
    ZimSimulator.Builder settings = ZimSimulator.builder().app(appId, serverSecret);
    simulatorSettings.accept(settings);
    simulator = settings.start();
  }

  private void stop() {
    try {
      if (client != null) {
        client.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("closing the simulator's client failed", e);
    } finally {
      client = null;
      if (simulator != null) {
        simulator.close();
        simulator = null;
      }
    }
  }

  // --- what tests use ----------------------------------------------------------------------

  /** The running simulator. */
  public ZimSimulator simulator() {
    if (simulator == null) {
      throw new IllegalStateException("the simulator runs only while a test of its class runs");
    }
    return simulator;
  }

  /** The endpoint to give a client, e.g. {@code http://127.0.0.1:40123/}. */
  public String baseUrl() {
    return simulator().baseUrl();
  }

  /** The AppId the simulator accepts and the client signs for. */
  public long appId() {
    return appId;
  }

  /** The secret of {@link #appId()}, for tests that build their own client. */
  public String serverSecret() {
    return serverSecret;
  }

  /** A client for this simulator, made on first use and closed with the simulator. */
  public ZimClient client() {
    ZimSimulator running = simulator();
    if (client == null) {
      ZimClientBuilder builder =
          ZimClient.builder().appId(appId).serverSecret(serverSecret).endpoint(running.baseUrl());
      clientSettings.accept(builder);
      client = builder.build();
    }
    return client;
  }

  /** {@code client().create(api)}, e.g. {@code api(RoomApi.class)}. */
  public <T> T api(Class<T> api) {
    return client().create(api);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ZimSimulator.class || type == ZimClient.class || isGeneratedApi(type);
  }

  // What ZimClient.create serves: an interface generated from the spec, whatever its tag or
  // package; recognised by the annotation every generated method carries.
  private static boolean isGeneratedApi(Class<?> type) {
    if (!type.isInterface()) {
      return false;
    }
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(ZimAction.class)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (simulator == null) {
      throw new ParameterResolutionException("the simulator is not running yet for " + parameter.getParameter());
    }
    if (type == ZimSimulator.class) {
      return simulator;
    }
    if (type == ZimClient.class) {
      return client();
    }
    return api(type);
  }

  @Override
  public String toString() {
    return "ZimSimulatorExtension[appId=" + appId + ", " + (simulator == null ? "stopped" : simulator.baseUrl()) + "]";
  }

  /** Configures the extension. */
  public static final class Builder {
    private long appId = DEFAULT_APP_ID;
    private String serverSecret;
    private Consumer<ZimSimulator.Builder> simulatorSettings = b -> {};
    private Consumer<? super ZimClientBuilder> clientSettings = b -> {};
    private boolean resetBetweenTests = true;

    private Builder() {}

    /** The app the simulator accepts first and the client signs for (default a fixed AppId, random secret). */
    public Builder app(long id, String secret) {
      this.appId = id;
      this.serverSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** Further simulator settings: seeds, more apps, limits, knobs, spec. */
    public Builder simulator(Consumer<ZimSimulator.Builder> settings) {
      this.simulatorSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Further client settings (the AppId, secret and endpoint are already set). */
    public Builder client(Consumer<ZimClientBuilder> settings) {
      this.clientSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Whether a class-wide simulator is reset before each test (default true). */
    public Builder resetBetweenTests(boolean value) {
      this.resetBetweenTests = value;
      return this;
    }

    public ZimSimulatorExtension build() {
      return new ZimSimulatorExtension(this);
    }
  }
}
