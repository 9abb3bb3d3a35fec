package dev.zimclient.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.function.Consumer;
import redis.embedded.RedisServer;

/**
 * A real redis-server on loopback, from the binary embedded-redis ships, without persistence, that
 * a test can stop and start again on the same port (an outage and the return).
 */
final class RedisProcess implements AutoCloseable {
  private final int port;
  private RedisServer server;

  private RedisProcess(int port) {
    this.port = port;
  }

  static RedisProcess start() {
    RedisProcess redis = new RedisProcess(freePort());
    redis.up();
    return redis;
  }

  /** A loopback port nothing listens on. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  synchronized void up() {
    try {
      server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
          .setting("save \"\"").setting("appendonly no").build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void down() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code commands} on a connection of its own, as an operator would. */
  void with(Consumer<io.lettuce.core.api.sync.RedisCommands<String, String>> commands) {
    RedisClient client = RedisClient.create(uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      commands.accept(connection.sync());
    } finally {
      client.shutdown();
    }
  }

  @Override
  public synchronized void close() {
    if (server != null && server.isActive()) {
      down();
    }
  }
}
