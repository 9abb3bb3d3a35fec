package dev.zimclient.client;

import okhttp3.HttpUrl;

/** Renders URLs for logs with the signature and nonce hidden. */
final class Redaction {
  static final String REDACTED = "<redacted>";

  private Redaction() {}

  static String url(HttpUrl url) {
    HttpUrl.Builder builder = url.newBuilder();
    for (String name : new String[] {"Signature", "SignatureNonce"}) {
      if (url.queryParameter(name) != null) {
        builder.setQueryParameter(name, REDACTED);
      }
    }
    return builder.build().toString();
  }
}
