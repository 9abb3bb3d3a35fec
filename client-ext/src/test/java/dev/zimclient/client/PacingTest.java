package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.client.error.ZimInvalidParameterException;
import dev.zimclient.client.error.ZimRateLimitExceededException;
import dev.zimclient.generated.ZimRateLimit;
import dev.zimclient.generated.api.GroupApi;
import dev.zimclient.generated.api.MessageApi;
import dev.zimclient.generated.model.MessageBody;
import dev.zimclient.generated.model.QueryMessagesByMsgSeqRequest;
import dev.zimclient.generated.model.SendGroupMessageRequest;
import dev.zimclient.generated.model.UpdateGroupDataRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Limits keyed by a body field, limits counted per item, and enumerations checked before sending. */
class PacingTest extends WireMockSupport {

  @Test
  void groupScopedLimitReadsItsKeyFromTheBody() {
    client.close();
    client = clientBuilder().rateLimit("UpdateGroupData", 1, Duration.ofSeconds(10))
        .maxRateLimitWait(Duration.ofMillis(100)).build();
    GroupApi groups = client.create(GroupApi.class);
    stub(action("UpdateGroupData").willReturn(example("UpdateGroupData", "success")));

    groups.updateGroupData(update("group-a"));
    groups.updateGroupData(update("group-b"));
    assertThrows(ZimRateLimitExceededException.class, () -> groups.updateGroupData(update("group-a")));

    assertEquals(2, requests().size(), "group-b had a budget of its own; group-a's second call was not sent");
    assertEquals(ZimRateLimit.Scope.GROUP, client.rateLimit("UpdateGroupData").orElseThrow().scope());
  }

  @Test
  void limitCountedInItemsTakesOnePermitPerItem() {
    client.close();
    client = clientBuilder().rateLimit("QueryMessagesByMsgSeq", 5, Duration.ofSeconds(1))
        .maxRateLimitWait(Duration.ofMillis(500)).build();
    MessageApi messages = client.create(MessageApi.class);
    stub(action("QueryMessagesByMsgSeq").willReturn(example("QueryMessagesByMsgSeq", "success")));

    // 10 messages at 5 a second need two seconds of permits: more than the allowed wait.
    assertThrows(ZimRateLimitExceededException.class, () -> messages.queryMessagesByMsgSeq(query(10)));
    assertEquals(0, requests().size(), "nothing was sent");
    assertEquals(0, messages.queryMessagesByMsgSeq(query(1)).code());
  }

  @Test
  void enumerationsAreCheckedBeforeSending() {
    MessageApi messages = client.create(MessageApi.class);
    SendGroupMessageRequest request = SendGroupMessageRequest.builder()
        .fromUserId("u1").groupId("g1").messageType(1).priority(4)
        .messageBody(MessageBody.builder().message("hello").build())
        .build();

    ZimInvalidParameterException e = assertThrows(ZimInvalidParameterException.class,
        () -> messages.sendGroupMessage(request));
    assertEquals("Priority", e.parameter());
    assertTrue(e.getMessage().contains("not one of [1, 2, 3]"), e.getMessage());

    SendGroupMessageRequest nested = request.toBuilder().priority(1)
        .messageBody(MessageBody.builder().message("hello").isBase64(2).build()).build();
    assertEquals("MessageBody.IsBase64",
        assertThrows(ZimInvalidParameterException.class, () -> messages.sendGroupMessage(nested)).parameter());
    assertEquals(0, requests().size());
  }

  private static UpdateGroupDataRequest update(String group) {
    return UpdateGroupDataRequest.builder().fromUserId("owner").groupId(group).groupName("Chess club").build();
  }

  private static QueryMessagesByMsgSeqRequest query(int messages) {
    return QueryMessagesByMsgSeqRequest.builder().fromUserId("u1").convId("u2").convType(0)
        .msgSeqList(LongStream.rangeClosed(1, messages).boxed().toList()).build();
  }
}
