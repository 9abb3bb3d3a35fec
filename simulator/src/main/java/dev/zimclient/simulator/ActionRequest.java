package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import java.time.Instant;
import java.util.ArrayList;
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
  private final AppState state;
  private final ReturnCodeCatalog returnCodes;

  ActionRequest(
      ActionSpec action,
      long appId,
      Map<String, Object> params,
      Instant receivedAt,
      AppState state,
      ReturnCodeCatalog returnCodes) {
    this.action = action;
    this.appId = appId;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.receivedAt = receivedAt;
    this.state = state;
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

  /**
   * A parameter read as a list of strings: every value of a repeated query key or the items of a
   * JSON array, each as its text; empty when absent.
   */
  public List<String> strings(String name) {
    Object value = params.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      return List.of(value.toString());
    }
    List<String> texts = new ArrayList<>(list.size());
    list.forEach(item -> texts.add(String.valueOf(item)));
    return texts;
  }

  /** A parameter read as a whole number: a query value's digits or a JSON number; empty otherwise. */
  public Optional<Long> number(String name) {
    Object value = params.get(name);
    if (value instanceof Number n) {
      return Optional.of(n.longValue());
    }
    try {
      return param(name).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  /** The rooms of this request's app. */
  public Rooms rooms() {
    return state.rooms();
  }

  /** The registered users of this request's app. */
  public Users users() {
    return state.users();
  }

  /** The groups of this request's app. */
  public Groups groups() {
    return state.groups();
  }

  /** The spec's return codes, to answer by name rather than by number. */
  public ReturnCodeCatalog returnCodes() {
    return returnCodes;
  }

  /**
   * The failure {@code code} with the spec's meaning of it and a detail, e.g. "Business parameter
   * error: room r does not exist".
   */
  public ActionResult error(int code, String detail) {
    String meaning = returnCodes.meaning(code);
    if (meaning.endsWith(".")) {
      meaning = meaning.substring(0, meaning.length() - 1);
    }
    return ActionResult.error(code, meaning + ": " + detail);
  }

  /** The answer the spec documents for success, with a fresh envelope. */
  public ActionResult specSuccess() {
    return ActionResult.success(action.successExample());
  }

  /**
   * The documented success answer with {@code fields} in place of the example's values, so that
   * an answer built from state keeps the fields the simulator does not track.
   */
  public ActionResult specSuccess(Map<String, ?> fields) {
    Map<String, Object> answer = new LinkedHashMap<>(action.successExample());
    answer.putAll(fields);
    return ActionResult.success(answer);
  }
}
