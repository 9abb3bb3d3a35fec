package dev.zimclient.bench;

import java.nio.charset.StandardCharsets;

/** The app, room and answer every benchmark uses. */
public final class Fixture {
  public static final long APP_ID = 1234567890L;
  public static final String SERVER_SECRET = "0123456789abcdef0123456789abcdef";
  public static final String ROOM_ID = "room-1";

  /** The spec's success example. */
  public static final String SUCCESS_JSON = "{\"Code\":0,\"Message\":\"success\",\"RequestId\":\"343649807833778782\"}";

  private Fixture() {}

  /** A complete HTTP/1.1 answer with a JSON body, as a server writes it. */
  public static byte[] httpAnswer(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] answer = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, answer, 0, headBytes.length);
    System.arraycopy(body, 0, answer, headBytes.length, body.length);
    return answer;
  }
}
