package dev.zimclient.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.error.ZimConflictException;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.generated.api.GroupApi;
import dev.zimclient.generated.api.MessageApi;
import dev.zimclient.generated.model.CreateGroupMember;
import dev.zimclient.generated.model.CreateGroupRequest;
import dev.zimclient.generated.model.GroupMemberInfo;
import dev.zimclient.generated.model.InviteUsersIntoGroupMember;
import dev.zimclient.generated.model.InviteUsersIntoGroupRequest;
import dev.zimclient.generated.model.MessageBody;
import dev.zimclient.generated.model.QueryGroupMemberListRequest;
import dev.zimclient.generated.model.SendGroupMessageRequest;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group's life through the client: created, joined, listed page by page, dismissed, gone. */
class GroupLifecycleTest {

  @RegisterExtension
  static final ZimSimulatorExtension ZIM =
      ZimSimulatorExtension.builder().simulator(s -> s.seedUser("bob", "Bob")).build();

  @Test
  void createInviteListByPagesDismissThenNotFound(GroupApi groups, MessageApi messages, ZimSimulator simulator) throws Exception {
    CreateGroupRequest create = CreateGroupRequest.builder()
        .groupId("team-42").groupName("Team").groupOwner("alice").userId(List.of("bob")).build();
    List<CreateGroupMember> created = groups.createGroup(create).members();
    assertEquals(List.of("alice", "bob"), created.stream().map(CreateGroupMember::userId).toList());
    assertEquals("Bob", created.get(1).userName());
    ZimConflictException twice = assertThrows(ZimConflictException.class, () -> groups.createGroup(create));
    assertEquals(660600011, twice.code());

    groups.inviteUsersIntoGroup(InviteUsersIntoGroupRequest.builder()
        .fromUserId("alice").groupId("team-42")
        .groupMemberInfos(List.of(
            InviteUsersIntoGroupMember.builder().userId("carol").build(),
            InviteUsersIntoGroupMember.builder().userId("dave").isInvite(1).build(),
            InviteUsersIntoGroupMember.builder().userId("erin").build()))
        .build());
    assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), simulator.groups().members("team-42"));

    simulator.clearJournal();
    QueryGroupMemberListRequest members = QueryGroupMemberListRequest.builder().groupId("team-42").limit(2).build();
    List<GroupMemberInfo> listed = groups.queryGroupMemberListItems(members).toList();
    assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), listed.stream().map(GroupMemberInfo::userId).toList());
    assertEquals(List.of(1, 3, 3, 3, 3), listed.stream().map(GroupMemberInfo::role).toList());
    List<JournalEntry> pages = simulator.journal();
    assertEquals(3, pages.size(), "five members, two a page");
    assertEquals(List.of("2", "4"), pages.subList(1, 3).stream().map(p -> p.params().get("Next").toString()).toList());

    assertEquals(0, groups.dismissGroup("alice", "team-42").code());
    assertTrue(simulator.groups().ids().isEmpty());

    // DismissGroup allows one call a second per group: the client waits for its permit.
    ZimNotFoundException dismissed = assertThrows(ZimNotFoundException.class, () -> groups.dismissGroup("alice", "team-42"));
    assertEquals(660600001, dismissed.code());
    assertThrows(ZimNotFoundException.class, () -> groups.queryGroupMemberListItems(members).toList());
    CompletionException async = assertThrows(CompletionException.class,
        () -> groups.queryGroupMemberListItemsAsync(members).orTimeout(10, TimeUnit.SECONDS).join());
    assertTrue(async.getCause() instanceof ZimNotFoundException, String.valueOf(async.getCause()));
    assertThrows(ZimNotFoundException.class, () -> messages.sendGroupMessage(SendGroupMessageRequest.builder()
        .fromUserId("alice").groupId("team-42").messageType(1).priority(2)
        .messageBody(MessageBody.builder().message("anyone?").build()).build()));
  }
}
