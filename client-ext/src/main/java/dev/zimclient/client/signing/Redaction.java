package dev.zimclient.client.signing;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Renders URLs and server text for logs and messages with the signature and nonce hidden. */
public final class Redaction {
  public static final String REDACTED = "<redacted>";
  // A value after "Signature=" or "SignatureNonce=" (also percent-encoded), or after such a JSON name.
  private static final Pattern SIGNED_VALUE =
      Pattern.compile("(?i)(signature(?:nonce)?)(=|%3d|\"\\s*:\\s*\")[^&\"\\s<>]+");

  private Redaction() {}

  public static String url(HttpUrl url) {
    HttpUrl.Builder builder = url.newBuilder();
    for (String name : new String[] {"Signature", "SignatureNonce"}) {
      if (url.queryParameter(name) != null) {
        builder.setQueryParameter(name, REDACTED);
      }
    }
    return builder.build().toString();
  }

  /**
   * Hides signature and nonce values quoted in text the server sent back, such as a proxy's error
   * page that repeats the request line.
   */
  public static String text(String text) {
    return text == null ? null : SIGNED_VALUE.matcher(text).replaceAll("$1$2" + REDACTED);
  }
}
