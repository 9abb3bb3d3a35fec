package dev.zimclient.client.internal.response;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.generated.ZimReturnCode;

/** Recognises the server's clock-skew answers by the catalogue's retry class. */
public final class ClockSkew {
  private ClockSkew() {}

  static boolean isCode(int code) {
    return ZimReturnCode.of(code).map(ClockSkew::isClockSkew).orElse(false);
  }

  public static boolean is(Throwable failure) {
    return failure instanceof ZimApiException api && api.returnCode().map(ClockSkew::isClockSkew).orElse(false);
  }

  private static boolean isClockSkew(ZimReturnCode code) {
    return code.retryClass() == ZimReturnCode.RetryClass.CLOCK_SKEW;
  }
}
