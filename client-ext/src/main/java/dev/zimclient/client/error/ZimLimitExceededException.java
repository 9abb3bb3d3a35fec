package dev.zimclient.client.error;

/** A count or size quota was reached: too many groups, members, friends or attributes, or a message too large. */
public final class ZimLimitExceededException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimLimitExceededException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
