package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.wire.DecodedQuery;
import dev.zimclient.simulator.wire.JsonCodec;
import dev.zimclient.simulator.wire.QueryDecoder;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request on its way through the checks. Each check reads what earlier ones established
 * (the action, the app); confined to the thread that serves the request.
 */
final class Call {

  final String method;
  final String rawQuery;
  final DecodedQuery query;
  final byte[] body;
  final Instant receivedAt;

  ActionSpec action;
  AppCredentials app;
  long timestampSeconds;

  private Optional<Map<String, Object>> bodyFields;
  private String bodyError;

  Call(String method, String rawQuery, byte[] body, Instant receivedAt) {
    this.method = method;
    this.rawQuery = rawQuery;
    this.query = QueryDecoder.decode(rawQuery);
    this.body = body == null ? new byte[0] : body;
    this.receivedAt = receivedAt;
  }

  /** The JSON body's fields, or empty when the body is not one JSON object. */
  Optional<Map<String, Object>> bodyFields() {
    if (bodyFields == null) {
      try {
        bodyFields = Optional.of(JsonCodec.readObject(body));
      } catch (JsonCodec.MalformedJsonException e) {
        bodyFields = Optional.empty();
        bodyError = e.getMessage();
      }
    }
    return bodyFields;
  }

  /** Why {@link #bodyFields()} is empty. */
  String bodyError() {
    bodyFields();
    return bodyError;
  }
}
