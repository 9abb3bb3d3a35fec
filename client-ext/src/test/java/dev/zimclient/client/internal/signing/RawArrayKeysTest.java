package dev.zimclient.client.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RawArrayKeysTest {
  static final HttpUrl URL = HttpUrl.get("https://zim-api.zego.im/?Action=KickoutRoomUser").newBuilder()
      .addQueryParameter("UserId[]", "a[]")
      .addQueryParameter("UserId[]", "b&c")
      .addQueryParameter("Note", "x%5B%5D")
      .build();

  @Test
  void rawBracketsRewriteOnlyTheKeys() {
    assertEquals("Action=KickoutRoomUser&UserId%5B%5D=a%5B%5D&UserId%5B%5D=b%26c&Note=x%255B%255D", URL.encodedQuery());
    HttpUrl raw = RawArrayKeys.rewrite(URL);
    assertEquals("Action=KickoutRoomUser&UserId[]=a%5B%5D&UserId[]=b%26c&Note=x%255B%255D", raw.encodedQuery());
    assertEquals(URL.queryParameterValues("UserId[]"), raw.queryParameterValues("UserId[]"), "same values after decoding");
  }

  @Test
  void lowerCaseEscapesAndKeysWithoutValuesAreRewrittenToo() {
    HttpUrl url = HttpUrl.get("https://h/?Tag%5b%5d&Id%5B%5D=1");
    assertEquals("Tag[]&Id[]=1", RawArrayKeys.rewrite(url).encodedQuery());
  }

  @Test
  void bracketFreeUrlsAreLeftAlone() {
    HttpUrl plain = HttpUrl.get("https://h/?Action=DestroyRoom&RoomId=r");
    assertSame(plain, RawArrayKeys.rewrite(plain));
  }
}
