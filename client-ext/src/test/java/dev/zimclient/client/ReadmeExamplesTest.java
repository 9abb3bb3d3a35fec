package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zimclient.generated.api.ConversationApi;
import dev.zimclient.generated.api.GroupApi;
import dev.zimclient.generated.api.MessageApi;
import dev.zimclient.generated.api.UserApi;
import dev.zimclient.generated.model.ConversationInfo;
import dev.zimclient.generated.model.CreateGroupRequest;
import dev.zimclient.generated.model.MessageBody;
import dev.zimclient.generated.model.QueryConversationListRequest;
import dev.zimclient.generated.model.QueryGroupMemberListRequest;
import dev.zimclient.generated.model.SendGroupMessageRequest;
import dev.zimclient.generated.model.UserRegisterRequest;
import dev.zimclient.generated.model.UserRegisterUserInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's per-area examples, as written there, against answers from the spec's examples. */
class ReadmeExamplesTest extends WireMockSupport {

  @Test
  void oneExamplePerAreaRunsAsTheReadmeShowsIt() {
    for (String action : List.of("UserRegister", "CreateGroup", "QueryGroupMemberList", "SendGroupMessage",
        "QueryConversationList")) {
      stub(action(action).willReturn(example(action, "success")));
    }
    List<String> printed = new ArrayList<>();

    UserApi users = client.create(UserApi.class);
    users.userRegister(UserRegisterRequest.builder()
        .userInfo(List.of(UserRegisterUserInfo.builder().userId("u1").userName("Ann").build())).build());

    GroupApi groups = client.create(GroupApi.class);
    groups.createGroup(CreateGroupRequest.builder().groupId("team-42").groupOwner("owner").userId(List.of("u1")).build());
    groups.queryGroupMemberListItems(QueryGroupMemberListRequest.builder().groupId("team-42").build())
        .forEach(member -> printed.add(member.userId()));

    MessageApi messages = client.create(MessageApi.class);
    messages.sendGroupMessage(SendGroupMessageRequest.builder()
        .fromUserId("owner").groupId("team-42").messageType(1).priority(2)
        .messageBody(MessageBody.builder().message("hello").build()).build());

    ConversationApi conversations = client.create(ConversationApi.class);
    List<ConversationInfo> recent = conversations.queryConversationListItems(
        QueryConversationListRequest.builder().fromUserId("u1").build()).limit(20).toList();

    assertEquals(List.of("alice", "bob"), printed, "the members of the spec's example page");
    assertEquals(3, recent.size());
    assertEquals(5, requests().size(), "one request per call, one page each");
  }
}
