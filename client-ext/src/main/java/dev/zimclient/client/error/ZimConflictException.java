package dev.zimclient.client.error;

/** The call conflicts with the resource's state, e.g. the room already exists. */
public final class ZimConflictException extends ZimApiException {
  private static final long serialVersionUID = 1L;

  public ZimConflictException(ZimApiError error, boolean retryable) {
    super(error, retryable);
  }
}
