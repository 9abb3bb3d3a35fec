package dev.zimclient.client;

/**
 * How the key of an array query parameter, such as {@code UserId[]}, is written on the wire.
 * ZEGO's documentation writes the brackets as they are, while its samples send both forms; which
 * one the server requires is not documented, so the client lets the caller choose.
 */
public enum ArrayParameterKeys {
  /** {@code UserId[]=a&UserId[]=b}, as the documentation writes it; the default. */
  RAW_BRACKETS,
  /** {@code UserId%5B%5D=a&UserId%5B%5D=b}, as a strict URL encoder writes it. */
  PERCENT_ENCODED
}
