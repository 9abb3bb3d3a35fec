package dev.zimclient.client.error;

/** The caller may not do this: not the owner or an admin, blocked, muted, or refused by moderation. */
public final class ZimPermissionDeniedException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimPermissionDeniedException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
