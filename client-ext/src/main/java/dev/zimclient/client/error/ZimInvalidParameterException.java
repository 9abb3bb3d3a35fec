package dev.zimclient.client.error;

/** A call's argument breaks the spec's constraints; it was rejected before anything was sent. */
public final class ZimInvalidParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public ZimInvalidParameterException(String parameter, String problem) {
    super(parameter + " " + problem);
    this.parameter = parameter;
  }

  /** The parameter's name on the wire, e.g. {@code RoomId}. */
  public String parameter() {
    return parameter;
  }
}
