package dev.zimclient.client.callback;

import dev.zimclient.generated.ZimCallback;

/** What a receiver does with a verified callback. */
@FunctionalInterface
public interface ZimCallbackListener {

  /**
   * Handles one callback. Throwing makes the receiver answer 500, so ZEGO delivers it again later.
   *
   * @param callback the event's record, e.g. a {@code RoomCreateCallback}
   * @return for an event whose answer matters ({@code callback.type().replyType()} is present, as
   *     for {@code before_send_msg}) the reply record, e.g. a {@code BeforeSendMsgReply}, or null
   *     for an empty JSON object; for other events anything, which is not sent
   */
  Object onCallback(ZimCallback callback) throws Exception;
}
