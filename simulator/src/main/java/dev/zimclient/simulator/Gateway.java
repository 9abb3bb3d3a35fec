package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import dev.zimclient.simulator.wire.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs a request through the checks in order, hands an accepted one to its action's handler,
 * journals it and renders the JSON answer. Knows nothing of HTTP.
 */
final class Gateway {

  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

  private final List<Check> checks;
  private final Map<String, ActionHandler> handlers;
  private final ActionHandler fallback;
  private final StateRegistry state;
  private final ReturnCodeCatalog catalog;
  private final Journal journal;
  private final RequestIds requestIds;
  private final int internalErrorCode;
  private final Messages messages;

  Gateway(
      List<Check> checks,
      Map<String, ActionHandler> handlers,
      StateRegistry state,
      ReturnCodeCatalog catalog,
      Journal journal,
      RequestIds requestIds,
      int internalErrorCode) {
    this.checks = List.copyOf(checks);
    this.handlers = Map.copyOf(handlers);
    this.fallback = ActionRequest::specSuccess;
    this.state = state;
    this.catalog = catalog;
    this.journal = journal;
    this.requestIds = requestIds;
    this.internalErrorCode = internalErrorCode;
    this.messages = new Messages(catalog);
  }

  Answer handle(String method, String rawQuery, byte[] body, Instant receivedAt) {
    Call call = new Call(method, rawQuery, body, receivedAt);
    Outcome outcome;
    Map<String, Object> params;
    try {
      Optional<Outcome> rejection = runChecks(call);
      Map<String, Object> extracted = ParamExtractor.extract(call);
      params = extracted;
      outcome = rejection.orElseGet(() -> serve(call, extracted));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request failed inside the simulator", e);
      outcome = messages.reject(internalErrorCode, e.getClass().getSimpleName());
      params = Map.of();
    }
    String requestId = requestIds.next();
    journal.record(entry(call, params, outcome, requestId));
    // ZIM Audio's host answers without a RequestId; the journal keeps one all the same.
    boolean withRequestId = call.action == null || call.action.answersRequestId();
    return new Answer(requestId, outcome.code(), render(outcome, withRequestId ? requestId : null));
  }

  private Optional<Outcome> runChecks(Call call) {
    for (Check check : checks) {
      Optional<Outcome> rejection = check.apply(call);
      if (rejection.isPresent()) {
        return rejection;
      }
    }
    return Optional.empty();
  }

  private Outcome serve(Call call, Map<String, Object> params) {
    ActionRequest request =
        new ActionRequest(
            call.action,
            call.app.appId(),
            params,
            call.receivedAt,
            state.of(call.app.appId()),
            catalog);
    ActionResult result = handlers.getOrDefault(call.action.name(), fallback).handle(request);
    String message = result.message() != null ? result.message() : catalog.meaning(result.code());
    return new Outcome(result.code(), message, result.fields());
  }

  private static JournalEntry entry(
      Call call, Map<String, Object> params, Outcome outcome, String requestId) {
    Optional<Long> appId = call.query.nonEmpty(PublicParams.APP_ID).flatMap(AppIdCheck::parse);
    return new JournalEntry(
        call.receivedAt,
        call.method,
        call.query.first(PublicParams.ACTION).orElse(null),
        appId.map(OptionalLong::of).orElseGet(OptionalLong::empty),
        params,
        call.rawQuery == null ? "" : call.rawQuery,
        new String(call.body, StandardCharsets.UTF_8),
        call.query.first(PublicParams.NONCE).orElse(null),
        call.query.first(PublicParams.TIMESTAMP).orElse(null),
        outcome.code(),
        outcome.message(),
        requestId);
  }

  private static byte[] render(Outcome outcome, String requestId) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("Code", outcome.code());
    json.put("Message", outcome.message());
    if (requestId != null) {
      json.put("RequestId", requestId);
    }
    outcome.fields().forEach(json::putIfAbsent);
    return JsonCodec.write(json);
  }
}
