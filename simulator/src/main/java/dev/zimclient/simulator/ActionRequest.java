package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request the gateway accepted, as an {@link ActionHandler} sees it. */
public final class ActionRequest {

  private final ActionSpec action;
  private final long appId;
  private final Map<String, Object> params;
  private final Instant receivedAt;
  private final Rooms rooms;
  private final ReturnCodeCatalog returnCodes;

  ActionRequest(
      ActionSpec action,
      long appId,
      Map<String, Object> params,
      Instant receivedAt,
      Rooms rooms,
      ReturnCodeCatalog returnCodes) {
    this.action = action;
    this.appId = appId;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.receivedAt = receivedAt;
    this.rooms = rooms;
    this.returnCodes = returnCodes;
  }

  /** The action as the spec declares it. */
  public ActionSpec action() {
    return action;
  }

  public long appId() {
    return appId;
  }

  /** The business parameters, shaped as in {@link JournalEntry#params()}. */
  public Map<String, Object> params() {
    return params;
  }

  /** A parameter read as one string: the first value of a list, a JSON value's text. */
  public Optional<String> param(String name) {
    Object value = params.get(name);
    if (value instanceof List<?> list) {
      value = list.isEmpty() ? null : list.get(0);
    }
    return Optional.ofNullable(value).map(Object::toString);
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  /** The rooms of this request's app. */
  public Rooms rooms() {
    return rooms;
  }

  /** The spec's return codes, to answer by name rather than by number. */
  public ReturnCodeCatalog returnCodes() {
    return returnCodes;
  }

  /** The answer the spec documents for success, with a fresh envelope. */
  public ActionResult specSuccess() {
    return ActionResult.success(action.successExample());
  }
}
