package dev.zimclient.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The groups of one app, in creation order, with their members in join order. Thread-safe: every
 * method holds this object's monitor, so a handler's read-and-change is atomic.
 */
public final class Groups {

  /** ZEGO's roles: 1 owner, 3 ordinary member (2 is an administrator). */
  static final int OWNER = 1;
  static final int MEMBER = 3;

  private final Map<String, Group> groups = new LinkedHashMap<>();
  private long generated;

  Groups() {}

  /** A member as group listings show it. */
  record Member(String userId, int role) {}

  /** A group as listings show it. */
  record Summary(String groupId, String name, String avatar) {}

  private static final class Group {
    final String name;
    final String avatar;
    final Map<String, Member> members = new LinkedHashMap<>();

    Group(String name, String avatar) {
      this.name = name == null ? "" : name;
      this.avatar = avatar == null ? "" : avatar;
    }
  }

  /**
   * Creates a group whose owner is its first member and {@code members} (the owner left out if
   * listed) the next ones.
   *
   * @return false when a group of this ID exists
   */
  public boolean create(String groupId, String owner, Collection<String> members) {
    return create(groupId, owner, members, null, null);
  }

  synchronized boolean create(String groupId, String owner, Collection<String> members, String name, String avatar) {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(owner, "owner");
    if (groups.containsKey(groupId)) {
      return false;
    }
    Group group = new Group(name, avatar);
    group.members.put(owner, new Member(owner, OWNER));
    for (String member : members) {
      group.members.putIfAbsent(member, new Member(member, MEMBER));
    }
    groups.put(groupId, group);
    return true;
  }

  /** An ID no group has, as the server picks one: {@code #} and hex digits. */
  synchronized String newGroupId() {
    String id;
    do {
      id = String.format("#%06x", ++generated);
    } while (groups.containsKey(id));
    return id;
  }

  /** Removes a group; false when it did not exist. */
  public synchronized boolean dismiss(String groupId) {
    return groups.remove(Objects.requireNonNull(groupId, "groupId")) != null;
  }

  public synchronized boolean contains(String groupId) {
    return groups.containsKey(Objects.requireNonNull(groupId, "groupId"));
  }

  /** The groups now, in creation order. */
  public synchronized List<String> ids() {
    return List.copyOf(groups.keySet());
  }

  /** A group's members, owner first then in join order; empty when there is no such group. */
  public synchronized List<String> members(String groupId) {
    Group group = groups.get(Objects.requireNonNull(groupId, "groupId"));
    return group == null ? List.of() : List.copyOf(group.members.keySet());
  }

  /** Adds the users not yet members, in order; returns them, or empty when there is no group. */
  synchronized Optional<List<String>> add(String groupId, Collection<String> userIds) {
    Group group = groups.get(groupId);
    if (group == null) {
      return Optional.empty();
    }
    List<String> added = new ArrayList<>();
    for (String userId : userIds) {
      if (group.members.putIfAbsent(userId, new Member(userId, MEMBER)) == null) {
        added.add(userId);
      }
    }
    return Optional.of(added);
  }

  /** Removes those of the users who are members; returns them, or empty when there is no group. */
  synchronized Optional<List<String>> remove(String groupId, Collection<String> userIds) {
    Group group = groups.get(groupId);
    if (group == null) {
      return Optional.empty();
    }
    List<String> removed = new ArrayList<>();
    for (String userId : userIds) {
      if (group.members.remove(userId) != null) {
        removed.add(userId);
      }
    }
    return Optional.of(removed);
  }

  /** A group's members with their roles, or empty when there is no group. */
  synchronized Optional<List<Member>> memberList(String groupId) {
    Group group = groups.get(groupId);
    return group == null ? Optional.empty() : Optional.of(List.copyOf(group.members.values()));
  }

  /** Every group, in creation order. */
  synchronized List<Summary> summaries() {
    List<Summary> all = new ArrayList<>();
    groups.forEach((id, group) -> all.add(new Summary(id, group.name, group.avatar)));
    return all;
  }

  /** The groups {@code userId} is a member of, in creation order. */
  synchronized List<Summary> summariesOf(String userId) {
    List<Summary> joined = new ArrayList<>();
    groups.forEach((id, group) -> {
      if (group.members.containsKey(userId)) {
        joined.add(new Summary(id, group.name, group.avatar));
      }
    });
    return joined;
  }

  synchronized void clear() {
    groups.clear();
    generated = 0;
  }
}
