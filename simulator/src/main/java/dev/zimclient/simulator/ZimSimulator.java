package dev.zimclient.simulator;

import dev.zimclient.simulator.http.SimulatorHttpServer;
import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.SpecCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A local ZIM gateway over plain HTTP, on loopback unless told otherwise, driven by the spec: it
 * serves every action the spec declares, checks the public parameters and the signature, enforces
 * each action's rate-limit windows, validates business parameters against their schemas, keeps the
 * state of rooms, registered users and groups, pages paginated actions by their declared cursor,
 * and can inject latency, "server busy" answers and clock skew.
 *
 * <pre>{@code
 * try (ZimSimulator zim = ZimSimulator.builder().app(12345, secret).seedRoom("room-1").start()) {
 *   String endpoint = zim.baseUrl(); // http://127.0.0.1:<port>/
 * }
 * }</pre>
 *
 * <p>Thread-safe: the knobs, state and journal may be used while requests are served.
 */
public final class ZimSimulator implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ZimSimulator.class.getName());
  private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofMinutes(2);
  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final SimulatorConfig config;
  private final FaultKnobs knobs;
  private final SimulatorClock clock;
  private final Journal journal;
  private final StateRegistry state;
  private final NonceRegistry nonces;
  private final RateLimiter rateLimiter;
  /** Null unless the builder was given {@link CallbackSettings}. */
  private final CallbackSender callbacks;
  private final Gateway gateway;

  private final Object lifecycle = new Object();
  private SimulatorHttpServer server;
  private boolean closed;

  private ZimSimulator(SimulatorConfig config, CallbackSettings callbackSettings) {
    this.config = config;
    this.knobs = new FaultKnobs(config.faults());
    this.clock = new SimulatorClock(config.clock(), knobs);
    this.journal = new Journal(config.journalCapacity());
    this.state = new StateRegistry(config.apps().keySet(), config.seeds());
    this.nonces = new NonceRegistry(config.timestampWindow().toSeconds(), NonceRegistry.DEFAULT_CAPACITY);
    this.rateLimiter = new RateLimiter();
    this.callbacks = callbackSettings == null ? null : new CallbackSender(callbackSettings, clock::now);
    this.gateway = newGateway();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  private Gateway newGateway() {
    SpecCatalog spec = config.spec();
    GatewayCodes codes = GatewayCodes.from(spec.returnCodes());
    Messages messages = new Messages(spec.returnCodes());
    List<Check> checks = new ArrayList<>();
    checks.add(new ActionCheck(spec, codes, messages));
    checks.add(new AppIdCheck(config.apps(), codes, messages));
    checks.add(new PublicParamCheck(codes, messages));
    checks.add(new SignatureCheck(config.timestampWindow(), clock, codes, messages));
    if (config.rejectReusedNonce()) {
      int code = config.nonceReuseCode() != null ? config.nonceReuseCode() : codes.signatureWrong();
      checks.add(new NonceReuseCheck(nonces, clock, code, messages));
    }
    checks.add(new RateLimitCheck(config.effectiveRateLimits(), rateLimiter, clock, messages));
    Map<String, ParameterErrorCodes> parameterCodes = new HashMap<>();
    for (ActionSpec action : spec.actions().values()) {
      parameterCodes.put(action.name(), ParameterErrorCodes.of(action, spec.returnCodes(), codes.invalidParameter()));
    }
    checks.add(new BusinessParamCheck(codes, messages, parameterCodes));
    checks.add(new BusyCheck(knobs, codes, messages));

    Map<String, ActionHandler> handlers =
        ActionHandlers.build(
            spec,
            config.handlers(),
            new SeededListings(config.listings()),
            config.pageSizes(),
            parameterCodes);
    if (callbacks != null) {
      // State changes that ZEGO reports by callback (a room created, a group dismissed) send them.
      handlers.replaceAll((action, handler) -> callbacks.observing(handler));
    }
    return new Gateway(
        checks,
        handlers,
        state,
        spec.returnCodes(),
        journal,
        new RequestIds(clock.now().getEpochSecond()),
        codes.internalError());
  }

  /**
   * Binds the address and port and starts serving.
   *
   * @throws UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when already started or closed
   */
  public ZimSimulator start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("this simulator was closed; build a new one");
      }
      if (server != null) {
        throw new IllegalStateException("already started at " + baseUrl());
      }
      SimulatorHttpServer http =
          new SimulatorHttpServer(
              config.bindAddress(),
              config.port(),
              config.maxConnections(),
              IDLE_CONNECTION_TIMEOUT,
              MAX_BODY_BYTES,
              new HttpFront(gateway, clock, knobs));
      try {
        http.start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot bind " + config.bindAddress().getHostAddress() + " port " + config.port(), e);
      }
      server = http;
      LOG.log(System.Logger.Level.DEBUG, "ZIM simulator at {0} for AppIds {1}", baseUrl(), config.apps().keySet());
      return this;
    }
  }

  /** The bound port. */
  public int port() {
    synchronized (lifecycle) {
      if (server == null) {
        throw new IllegalStateException("not started");
      }
      return server.port();
    }
  }

  /**
   * The endpoint to give a client: {@code http://127.0.0.1:<port>/} by default, the bind address
   * when one was set, and loopback when bound to every address ({@code 0.0.0.0}), which this
   * machine's clients reach through loopback.
   */
  public String baseUrl() {
    InetAddress bound = config.bindAddress();
    String host = (bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound).getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  /** Whether it is serving. */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return server != null;
    }
  }

  /** Stops serving at once: open connections and answers still delayed are dropped. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      closed = true;
      if (callbacks != null) {
        callbacks.close();
      }
      if (server != null) {
        server.close();
        server = null;
      }
    }
  }

  /** The fault knobs: latency, "server busy" share, clock offset. */
  public FaultKnobs faults() {
    return knobs;
  }

  /** Every request so far and its answer, oldest first (bounded by the journal capacity). */
  public List<JournalEntry> journal() {
    return journal.snapshot();
  }

  public void clearJournal() {
    journal.clear();
  }

  /** The AppId that {@link #rooms()}, {@link #groups()} and the seeds mean: the first configured. */
  public long defaultAppId() {
    return config.defaultAppId();
  }

  /** Every configured AppId, in configuration order. */
  public Set<Long> appIds() {
    return config.apps().keySet();
  }

  /** The rooms of the default app now. */
  public Set<String> rooms() {
    return rooms(defaultAppId());
  }

  /** The rooms of {@code appId} now. */
  public Set<String> rooms(long appId) {
    return state.of(appId).rooms().ids();
  }

  /** Creates a room in the default app. */
  public ZimSimulator seedRoom(String roomId) {
    return seedRoom(defaultAppId(), roomId);
  }

  /** Creates a room in {@code appId}. */
  public ZimSimulator seedRoom(long appId, String roomId) {
    state.of(appId).rooms().add(roomId);
    return this;
  }

  /** The live rooms of {@code appId}, with their users and attributes, for changes beyond seeding. */
  public Rooms roomsOf(long appId) {
    return state.of(appId).rooms();
  }

  /** The live groups of the default app, with their members. */
  public Groups groups() {
    return groupsOf(defaultAppId());
  }

  /** The live groups of {@code appId}. */
  public Groups groupsOf(long appId) {
    return state.of(appId).groups();
  }

  /** The registered users of the default app. */
  public Users users() {
    return usersOf(defaultAppId());
  }

  /** The registered users of {@code appId}. */
  public Users usersOf(long appId) {
    return state.of(appId).users();
  }

  /**
   * Back to the state just after build: journal empty, rooms, users and groups as seeded at build
   * time, knobs as built, nonces forgotten, rate-limit windows empty.
   */
  public void reset() {
    journal.clear();
    state.reset();
    knobs.reset();
    nonces.clear();
    rateLimiter.clear();
    if (callbacks != null) {
      callbacks.reset();
    }
  }

  /**
   * Every attempt at delivering a callback so far, oldest first; empty without {@link
   * Builder#callbacks(CallbackSettings)}. Deliveries run on their own thread: poll for the ones a
   * test waits for.
   */
  public List<CallbackDelivery> callbackDeliveries() {
    return callbacks == null ? List.of() : callbacks.deliveries();
  }

  /** The spec this simulator serves. */
  public SpecCatalog spec() {
    return config.spec();
  }

  @Override
  public String toString() {
    synchronized (lifecycle) {
      return "ZimSimulator[" + (server == null ? "stopped" : baseUrl()) + ", appIds=" + appIds() + "]";
    }
  }

  /**
   * Configures a simulator. Reusable: each {@link #build()} makes an independent simulator from
   * the settings at that moment.
   */
  public static final class Builder {

    private SpecCatalog spec;
    private String specResource = SpecCatalog.DEFAULT_RESOURCE;
    private final Map<Long, AppCredentials> apps = new LinkedHashMap<>();
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;
    private Duration timestampWindow = Duration.ofMinutes(10);
    private boolean rejectReusedNonce = true;
    private Integer nonceReuseCode;
    private final Map<String, Integer> permitOverrides = new HashMap<>();
    private final Set<String> unlimitedActions = new LinkedHashSet<>();
    private boolean allUnlimited;
    private FaultSettings faults = FaultSettings.none();
    private Clock clock = Clock.systemUTC();
    private final List<PendingSeed> seeds = new ArrayList<>();
    private final List<SeededListings.Seed> listings = new ArrayList<>();
    private final Map<String, Integer> pageSizes = new HashMap<>();
    private final Map<String, ActionHandler> handlers = new HashMap<>();
    private int maxConnections = 256;
    private int journalCapacity = 10_000;
    private CallbackSettings callbacks;

    private Builder() {}

    /**
     * Sends the callbacks that state changes produce ({@code room_create}, {@code room_destroy},
     * {@code group_create}, {@code group_destroy}) as ZEGO does: signed, POSTed as JSON, retried
     * until answered 2xx.
     */
    public Builder callbacks(CallbackSettings value) {
      this.callbacks = Objects.requireNonNull(value, "callbacks");
      return this;
    }

    /** {@link #callbacks(CallbackSettings)} to {@code url}, signed with {@code secret}, at ZEGO's retry pauses. */
    public Builder callbacks(String url, String secret) {
      return callbacks(CallbackSettings.of(url, secret));
    }

    /** Accepts requests for {@code appId} signed with {@code serverSecret}; repeat for more apps. */
    public Builder app(long appId, String serverSecret) {
      AppCredentials app = new AppCredentials(appId, serverSecret);
      apps.put(appId, app);
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /**
     * The address to listen on (default loopback, which only this machine reaches). Another
     * address exposes the simulator, which accepts plain HTTP, to whoever reaches that address.
     */
    public Builder bindAddress(InetAddress value) {
      this.bindAddress = Objects.requireNonNull(value, "bindAddress");
      return this;
    }

    /**
     * {@link #bindAddress(InetAddress)} from an IP literal or a host name, e.g. {@code 0.0.0.0}
     * for every address.
     *
     * @throws IllegalArgumentException when it names no address
     */
    public Builder bindAddress(String value) {
      Objects.requireNonNull(value, "bindAddress");
      try {
        return bindAddress(InetAddress.getByName(value));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an address to bind: " + value, e);
      }
    }

    /** Serves this spec instead of the one on the classpath. */
    public Builder spec(SpecCatalog value) {
      this.spec = Objects.requireNonNull(value, "spec");
      return this;
    }

    /** Reads the spec from this classpath resource (default {@code zim/zim-server-api.yaml}). */
    public Builder specResource(String resource) {
      this.specResource = Objects.requireNonNull(resource, "resource");
      this.spec = null;
      return this;
    }

    /** How far a request's Timestamp may be from the simulator clock, either way (default 10 min). */
    public Builder timestampWindow(Duration value) {
      this.timestampWindow = Objects.requireNonNull(value, "timestampWindow");
      return this;
    }

    /** Whether a nonce seen within the window is rejected (default true). */
    public Builder rejectReusedNonce(boolean value) {
      this.rejectReusedNonce = value;
      return this;
    }

    /** The code answered for a reused nonce (default 100000005, signature wrong). */
    public Builder nonceReuseCode(int code) {
      this.nonceReuseCode = code;
      return this;
    }

    /** Overrides {@code action}'s permits per window; its period, scope and throttle code stay. */
    public Builder rateLimit(String action, int permits) {
      if (permits < 0) {
        throw new IllegalArgumentException("permits must be >= 0: " + permits);
      }
      permitOverrides.put(Objects.requireNonNull(action, "action"), permits);
      unlimitedActions.remove(action);
      return this;
    }

    /** Lifts {@code action}'s rate limit. */
    public Builder noRateLimit(String action) {
      unlimitedActions.add(Objects.requireNonNull(action, "action"));
      permitOverrides.remove(action);
      return this;
    }

    /** Lifts every rate limit, e.g. for load tests. */
    public Builder noRateLimits() {
      this.allUnlimited = true;
      return this;
    }

    /** The initial fault settings. */
    public Builder faults(FaultSettings value) {
      this.faults = Objects.requireNonNull(value, "faults");
      return this;
    }

    /** A fixed latency added before each answer. */
    public Builder latency(Duration value) {
      this.faults = faults.withLatency(value);
      return this;
    }

    /** A latency drawn uniformly from {@code [min, max]} before each answer. */
    public Builder latency(Duration min, Duration max) {
      this.faults = faults.withLatency(min, max);
      return this;
    }

    /** The share of valid requests answered code 1 (server busy). */
    public Builder busyProbability(double value) {
      this.faults = faults.withBusyProbability(value);
      return this;
    }

    /** The simulator clock's offset from the base clock. */
    public Builder clockOffset(Duration value) {
      this.faults = faults.withClockOffset(value);
      return this;
    }

    /** The base clock (default the system UTC clock); tests may pin it. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** A room that exists at start (and after {@link ZimSimulator#reset()}) in the first app. */
    public Builder seedRoom(String roomId) {
      Objects.requireNonNull(roomId, "roomId");
      return seed(null, state -> state.rooms().add(roomId));
    }

    /** A room that exists at start (and after {@link ZimSimulator#reset()}) in {@code appId}. */
    public Builder seedRoom(long appId, String roomId) {
      Objects.requireNonNull(roomId, "roomId");
      return seed(appId, state -> state.rooms().add(roomId));
    }

    /**
     * A room of the first app with these users in it, in this order (users join rooms through the
     * SDK, which the simulator does not serve); the room is created if need be.
     */
    public Builder seedRoomUsers(String roomId, Collection<String> userIds) {
      Objects.requireNonNull(roomId, "roomId");
      List<String> users = List.copyOf(userIds);
      return seed(null, state -> {
        state.rooms().add(roomId);
        users.forEach(user -> state.rooms().join(roomId, user));
      });
    }

    /** A user registered in the first app, whose name room and group listings show. */
    public Builder seedUser(String userId, String userName) {
      Objects.requireNonNull(userId, "userId");
      return seed(null, state -> state.users().register(userId, userName));
    }

    /** A group of the first app: its owner, then these members in order. */
    public Builder seedGroup(String groupId, String owner, Collection<String> members) {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(owner, "owner");
      List<String> users = List.copyOf(members);
      return seed(null, state -> state.groups().create(groupId, owner, users));
    }

    private Builder seed(Long appId, Consumer<AppState> apply) {
      seeds.add(new PendingSeed(appId, apply));
      return this;
    }

    /**
     * The items a paginated action lists to every request, for an action whose items the
     * simulator keeps no state of (friends, blocklists, conversations, messages, muted groups,
     * communities). The simulator pages them by the action's declared cursor and limit. Each item
     * is a JSON object of the action's item schema, e.g. {@code Map.of("UserId", "u2")} for
     * {@code QueryFriendList}; a field the schema lacks fails {@link #build()}.
     */
    public Builder seedItems(String action, List<? extends Map<String, ?>> items) {
      return seedItems(action, Map.of(), items);
    }

    /**
     * Items a paginated action lists only to requests whose parameters have these values (e.g.
     * {@code Map.of("FromUserId", "u1")}); a request matching several seeds gets the one with the
     * most conditions, one matching none gets an empty listing.
     */
    public Builder seedItems(String action, Map<String, String> when, List<? extends Map<String, ?>> items) {
      List<Map<String, Object>> copies = new ArrayList<>();
      for (Map<String, ?> item : items) {
        copies.add(new LinkedHashMap<>(item));
      }
      listings.add(new SeededListings.Seed(Objects.requireNonNull(action, "action"), when, copies));
      return this;
    }

    /**
     * The page size of a paginated action for requests that give no limit (and for actions that
     * take none, such as {@code FetchForbidGroupList}); by default the limit parameter's declared
     * default, else its maximum, else 100.
     */
    public Builder pageSize(String action, int size) {
      pageSizes.put(Objects.requireNonNull(action, "action"), size);
      return this;
    }

    /** Serves {@code action} with {@code handler} instead of the built-in behaviour. */
    public Builder handler(String action, ActionHandler handler) {
      handlers.put(Objects.requireNonNull(action, "action"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** Connections open at once (default 256); further ones wait until one closes. */
    public Builder maxConnections(int value) {
      this.maxConnections = value;
      return this;
    }

    /** How many journal entries are kept, the oldest dropped first (default 10,000; 0 keeps none). */
    public Builder journalCapacity(int value) {
      this.journalCapacity = value;
      return this;
    }

    /** A simulator, not yet started. */
    public ZimSimulator build() {
      if (spec == null) {
        spec = SpecCatalogs.load(specResource);
      }
      return new ZimSimulator(config(), callbacks);
    }

    /** Builds and starts. */
    public ZimSimulator start() {
      return build().start();
    }

    private SimulatorConfig config() {
      List<StateRegistry.Seed> stateSeeds = new ArrayList<>();
      Long first = apps.isEmpty() ? null : apps.keySet().iterator().next();
      for (PendingSeed seed : seeds) {
        Long app = seed.appId() != null ? seed.appId() : first;
        if (app == null) {
          throw new IllegalStateException("seeds need an app: call app(appId, serverSecret) first");
        }
        stateSeeds.add(new StateRegistry.Seed(app, seed.apply()));
      }
      return new SimulatorConfig(
          spec,
          apps,
          bindAddress,
          port,
          timestampWindow,
          rejectReusedNonce,
          nonceReuseCode,
          permitOverrides,
          unlimitedActions,
          allUnlimited,
          faults,
          clock,
          stateSeeds,
          listings,
          pageSizes,
          handlers,
          maxConnections,
          journalCapacity);
    }

    /** A seed whose app is resolved at build time: null means the first app configured. */
    private record PendingSeed(Long appId, Consumer<AppState> apply) {}

    @Override
    public String toString() {
      return "ZimSimulator.Builder[appIds=" + apps.keySet() + ", bindAddress=" + bindAddress.getHostAddress() + ", port=" + port + "]";
    }
  }
}
