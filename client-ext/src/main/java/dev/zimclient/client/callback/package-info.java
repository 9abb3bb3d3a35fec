/**
 * Receiving ZEGO's callbacks: {@link dev.zimclient.client.callback.ZimCallbackVerifier} checks the
 * signature, the timestamp and (optionally) replays and reads the body into the generated record
 * of its event; {@link dev.zimclient.client.callback.ZimCallbackHttpHandler} serves it on the JDK's
 * HTTP server. Nothing here names an event: the events, their records and replies come from the
 * spec through {@link dev.zimclient.generated.ZimCallbackType}.
 */
package dev.zimclient.client.callback;
