package dev.zimclient.client;

/** What the server said about a failed call; the input from which exceptions are made. */
record ZimApiError(String action, int code, String serverMessage, String requestId, int httpStatus) {}
