package dev.zimclient.simulator;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The users registered in one app (by UserRegister or a seed), with their names. Thread-safe. */
public final class Users {

  private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

  Users() {}

  /** Registers a user; false when already registered. */
  public boolean register(String userId, String userName) {
    return names.putIfAbsent(Objects.requireNonNull(userId, "userId"), userName == null ? "" : userName) == null;
  }

  public boolean contains(String userId) {
    return names.containsKey(Objects.requireNonNull(userId, "userId"));
  }

  /** The registered users now, as an immutable snapshot. */
  public Set<String> ids() {
    return Set.copyOf(names.keySet());
  }

  /** A registered user's name, which the listings of rooms and groups show. */
  public Optional<String> name(String userId) {
    return Optional.ofNullable(names.get(Objects.requireNonNull(userId, "userId")));
  }

  /** The name lists show for a user: the registered one, else empty as ZEGO leaves it. */
  String displayName(String userId) {
    return names.getOrDefault(userId, "");
  }

  void clear() {
    names.clear();
  }
}
