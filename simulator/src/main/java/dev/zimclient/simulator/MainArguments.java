package dev.zimclient.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The standalone command line: {@code --port N}, then one or more {@code --app-id ID
 * --server-secret SECRET} pairs (the secret may come from the environment variable
 * {@code ZIM_SERVER_SECRET} instead, keeping it out of the process list), and any number of
 * {@code --seed-room ID}.
 */
record MainArguments(int port, Map<Long, String> apps, List<String> seedRooms, boolean help) {

  static final String SECRET_ENV = "ZIM_SERVER_SECRET";

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: zim-simulator --app-id ID [--server-secret SECRET] [--app-id ID --server-secret SECRET ...]",
          "                     [--port N] [--seed-room ROOM_ID ...]",
          "  --port N              loopback port to listen on (default 0: any free port)",
          "  --app-id ID           an AppId to accept (unsigned 32-bit)",
          "  --server-secret S     the ServerSecret of the preceding --app-id; if absent, $" + SECRET_ENV,
          "  --seed-room ROOM_ID   a room that exists at start (in the first app)",
          "  --help                this text");

  MainArguments {
    apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
    seedRooms = List.copyOf(seedRooms);
  }

  /**
   * Parses {@code args}; {@code env} looks up environment variables.
   *
   * @throws IllegalArgumentException with a message fit for the user
   */
  static MainArguments parse(String[] args, Function<String, String> env) {
    int port = 0;
    Map<Long, String> apps = new LinkedHashMap<>();
    List<String> seedRooms = new ArrayList<>();
    Long pendingApp = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return new MainArguments(0, Map.of(), List.of(), true);
        }
        case "--port" -> port = parsePort(value(args, ++i, arg));
        case "--app-id" -> {
          if (pendingApp != null) {
            apps.put(pendingApp, envSecret(pendingApp, env));
          }
          pendingApp = parseAppId(value(args, ++i, arg));
        }
        case "--server-secret" -> {
          if (pendingApp == null) {
            throw new IllegalArgumentException("--server-secret must follow an --app-id");
          }
          apps.put(pendingApp, value(args, ++i, arg));
          pendingApp = null;
        }
        case "--seed-room" -> seedRooms.add(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (pendingApp != null) {
      apps.put(pendingApp, envSecret(pendingApp, env));
    }
    if (apps.isEmpty()) {
      throw new IllegalArgumentException("at least one --app-id is required");
    }
    return new MainArguments(port, apps, seedRooms, false);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port must be 0..65535: " + text);
  }

  private static long parseAppId(String text) {
    return AppIdCheck.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("--app-id must be an unsigned 32-bit number: " + text));
  }

  private static String envSecret(long appId, Function<String, String> env) {
    String secret = env.apply(SECRET_ENV);
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(
          "no --server-secret for AppId " + appId + " and $" + SECRET_ENV + " is not set");
    }
    return secret;
  }

  @Override
  public String toString() {
    return "MainArguments[port=" + port + ", appIds=" + apps.keySet() + ", seedRooms=" + seedRooms + "]";
  }
}
