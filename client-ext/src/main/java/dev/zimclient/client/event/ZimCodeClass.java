package dev.zimclient.client.event;

import dev.zimclient.generated.ZimReturnCode;

/**
 * The class of a ZIM {@code Code}, for tags: the catalogue's category ({@code success},
 * {@code not-found}, {@code throttled}, {@code server-error}, ...), {@value #UNKNOWN} for a code
 * the catalogue does not list, {@value #NONE} when no code arrived. A bounded set, unlike codes.
 */
public final class ZimCodeClass {
  /** No ZIM code arrived: nothing was sent, or no usable answer came back. */
  public static final String NONE = "none";
  /** A code the spec's catalogue does not list. */
  public static final String UNKNOWN = "unknown";
  static final String SUCCESS = "success";

  private ZimCodeClass() {}

  /** The class of {@code code}; null stands for no code. */
  public static String of(Integer code) {
    if (code == null) {
      return NONE;
    }
    if (code == 0) {
      return SUCCESS;
    }
    return ZimReturnCode.of(code).map(entry -> entry.category().id()).orElse(UNKNOWN);
  }
}
