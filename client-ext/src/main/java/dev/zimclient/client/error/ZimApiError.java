package dev.zimclient.client.error;

/**
 * What the server said about a failed call: the input from which {@link ZimApiException} and its
 * subclasses are made.
 */
public record ZimApiError(String action, int code, String serverMessage, String requestId, int httpStatus) {}
