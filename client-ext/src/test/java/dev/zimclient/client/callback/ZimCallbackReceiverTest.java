package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.SignedCallbacks.SECRET;
import static dev.zimclient.client.callback.SignedCallbacks.body;
import static dev.zimclient.client.callback.SignedCallbacks.bytes;
import static dev.zimclient.client.callback.SignedCallbacks.roomCreate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.model.BeforeSendMsgReply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers of the framework-neutral receiver, which every adapter writes as they are. */
class ZimCallbackReceiverTest {
  private final List<ZimCallback> handled = new ArrayList<>();
  private Object reply;
  private final ZimCallbackReceiver receiver = new ZimCallbackReceiver(
      ZimCallbackVerifier.builder().callbackSecret(SECRET).maxBodyBytes(2048).replayProtection().build(),
      callback -> {
        handled.add(callback);
        return reply;
      });

  @Test
  void eachOutcomeHasItsAnswer() {
    byte[] created = bytes(roomCreate(Instant.now(), "1"));
    assertEquals(new ZimCallbackReceiver.Answer(200, null, ""), receiver.receive(Map.of(), created));
    assertEquals(new ZimCallbackReceiver.Answer(200, "text/plain", "REPLAYED"), receiver.receive(Map.of(), created));
    assertEquals(new ZimCallbackReceiver.Answer(401, "text/plain", "STALE_TIMESTAMP"),
        receiver.receive(Map.of(), bytes(roomCreate(Instant.now().minusSeconds(3600), "2"))));
    assertEquals(new ZimCallbackReceiver.Answer(413, "text/plain", "TOO_LARGE"), receiver.receive(Map.of(), new byte[2049]));
    assertEquals(new ZimCallbackReceiver.Answer(413, "text/plain", "TOO_LARGE"), receiver.tooLarge());
    assertEquals(2048, receiver.maxBodyBytes());
    assertEquals(1, handled.size(), "only the accepted callback was handed on, once");
  }

  @Test
  void theReplyOfAnEventThatHasOneIsItsJson() {
    reply = BeforeSendMsgReply.builder().result(1).newMsgBody("cleaned").build();
    assertEquals(new ZimCallbackReceiver.Answer(200, "application/json", "{\"result\":1,\"new_msg_body\":\"cleaned\"}"),
        receiver.receive(Map.of("content-type", List.of("application/json")),
            bytes(body("before_send_msg", Instant.now().getEpochSecond(), "3", Map.of("from_user_id", "ann")))));
  }
}
