package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What group actions do to the groups of an app: create and dismiss them, add and remove members,
 * and list members and groups. Members need not be registered users: tests of groups then need
 * no registration first. Each handler is installed only when the spec declares its action.
 */
final class GroupActions {

  private GroupActions() {}

  /** Handler factories by action name. */
  static Map<String, HandlerFactory> handlers() {
    return Map.of(
        "CreateGroup", GroupActions::createGroup,
        "DismissGroup", GroupActions::dismissGroup,
        "InviteUsersIntoGroup", GroupActions::inviteUsersIntoGroup,
        "KickoutGroupUser", GroupActions::kickoutGroupUser);
  }

  /** Listings by action name: a group's members, the app's groups, a user's groups. */
  static Map<String, ListingSource> listings() {
    return Map.of(
        "QueryGroupMemberList", GroupActions::members,
        "QueryAppGroupList", GroupActions::appGroups,
        "QueryGroupsInfoOfUser", GroupActions::groupsOfUser);
  }

  // Without a GroupId the server picks one starting with '#'.
  private static ActionHandler createGroup(ReturnCodeCatalog catalog) {
    int exists = catalog.code("GROUP_ALREADY_EXISTS");
    return request -> {
      Groups groups = request.groups();
      String groupId = request.param("GroupId").filter(id -> !id.isEmpty()).orElseGet(groups::newGroupId);
      String owner = request.param("GroupOwner").orElse("");
      boolean created = groups.create(
          groupId,
          owner,
          request.strings("UserId"),
          request.param("GroupName").orElse(null),
          request.param("GroupAvatar").orElse(null));
      if (!created) {
        return ActionResult.error(exists);
      }
      List<Map<String, Object>> members = new ArrayList<>();
      for (String userId : groups.members(groupId)) {
        members.add(Map.of("UserId", userId, "UserName", request.users().displayName(userId)));
      }
      return request.specSuccess(Map.of("GroupId", groupId, "Members", members, "ErrorUsers", List.of()));
    };
  }

  private static ActionHandler dismissGroup(ReturnCodeCatalog catalog) {
    int notFound = catalog.code("GROUP_NOT_FOUND");
    return request -> request.groups().dismiss(groupId(request)) ? request.specSuccess() : ActionResult.error(notFound);
  }

  // GroupMemberInfos when given, else UserIds; the operator is dropped if listed, and users who
  // are members already stay as they are.
  private static ActionHandler inviteUsersIntoGroup(ReturnCodeCatalog catalog) {
    int notFound = catalog.code("GROUP_NOT_FOUND");
    return request -> {
      Set<String> users = new LinkedHashSet<>();
      for (Map<?, ?> member : JsonValues.objects(request.params().get("GroupMemberInfos"))) {
        users.add(JsonValues.text(member.get("UserId")));
      }
      if (users.isEmpty()) {
        users.addAll(request.strings("UserIds"));
      }
      users.remove(request.param("FromUserId").orElse(""));
      return request.groups().add(groupId(request), users).isPresent()
          ? request.specSuccess(Map.of("ErrorUsers", List.of()))
          : ActionResult.error(notFound);
    };
  }

  // Users who are not members are listed with 660600008; when none was removed, the code too.
  private static ActionHandler kickoutGroupUser(ReturnCodeCatalog catalog) {
    int notFound = catalog.code("GROUP_NOT_FOUND");
    int notMember = catalog.code("REMOVED_USER_NOT_IN_GROUP");
    return request -> {
      List<String> asked = request.strings("UserId");
      Optional<List<String>> removed = request.groups().remove(groupId(request), asked);
      if (removed.isEmpty()) {
        return ActionResult.error(notFound);
      }
      List<Map<String, Object>> failed = new ArrayList<>();
      for (String userId : asked) {
        if (!removed.get().contains(userId)) {
          failed.add(JsonValues.subCode(userId, notMember));
        }
      }
      return removed.get().isEmpty()
          ? ActionResult.error(notMember, Map.of("ErrorList", failed))
          : request.specSuccess(Map.of("ErrorList", failed));
    };
  }

  private static Listing members(ActionRequest request) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Groups.Member member : request.groups().memberList(groupId(request)).orElse(List.of())) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("UserId", member.userId());
      item.put("UserName", request.users().displayName(member.userId()));
      item.put("UserNickName", "");
      item.put("Role", member.role());
      items.add(item);
    }
    return new Listing(items, Map.of("TotalCount", items.size()));
  }

  private static Listing appGroups(ActionRequest request) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Groups.Summary group : request.groups().summaries()) {
      items.add(Map.of("GroupId", group.groupId(), "GroupName", group.name()));
    }
    return new Listing(items, Map.of("TotalCount", items.size()));
  }

  private static Listing groupsOfUser(ActionRequest request) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Groups.Summary group : request.groups().summariesOf(request.param("FromUserId").orElse(""))) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("GroupId", group.groupId());
      item.put("GroupName", group.name());
      item.put("GroupAvatar", group.avatar());
      items.add(item);
    }
    return new Listing(items, Map.of("HasJoinGroupNum", items.size()));
  }

  private static String groupId(ActionRequest request) {
    return request.param("GroupId").orElse("");
  }
}
