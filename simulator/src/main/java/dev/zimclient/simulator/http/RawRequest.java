package dev.zimclient.simulator.http;

/**
 * One HTTP request as the handler sees it: the target is kept raw (still percent-encoded), so
 * that decoding is the gateway's business alone. Raw bytes beyond ASCII in the target, which
 * clients should have escaped, arrive read as UTF-8, with U+FFFD for bytes that were not.
 *
 * @param method the method, as sent
 * @param rawPath the path part of the target, e.g. {@code /}
 * @param rawQuery the part after the first {@code ?}, or null when there is none
 * @param body the body, de-chunked; empty when there is none
 */
public record RawRequest(String method, String rawPath, String rawQuery, byte[] body) {}
