package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.Pagination;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts a {@link Listing} into the page one request asks for, as the action's
 * {@code x-zim-pagination} declares: the cursor read from {@code cursorParameter}, the page size
 * from {@code limitParameter}, the next cursor written to {@code cursorField} in the answer's type
 * (string or integer), and the end told by a cursor of 0 or by {@code doneField}.
 *
 * <p>A cursor is the position of the page's first item: absent, empty or 0 for the first page.
 * The last page answers 0 ({@code "0"} for a string cursor), so a client that follows the cursor
 * sees every item once, in order, and then stops.
 */
final class Pager {

  /** The page size when neither the request, the builder nor the spec gives one. */
  static final int DEFAULT_PAGE_SIZE = 100;

  private final ActionSpec action;
  private final Pagination pagination;
  private final int defaultPageSize;
  private final int invalidCursorCode;

  /**
   * @param configuredPageSize the builder's page size for requests without a limit, or null to
   *     take the limit parameter's declared default, else its maximum, else {@link #DEFAULT_PAGE_SIZE}
   * @param invalidCursorCode the action's parameter-error code, for a cursor it never gave out
   */
  Pager(ActionSpec action, Integer configuredPageSize, int invalidCursorCode) {
    this.action = action;
    this.pagination = action.pagination().orElseThrow(() -> new IllegalArgumentException(action.name() + " does not page"));
    this.defaultPageSize = configuredPageSize != null ? configuredPageSize : declaredPageSize(action, pagination);
    this.invalidCursorCode = invalidCursorCode;
  }

  private static int declaredPageSize(ActionSpec action, Pagination pagination) {
    if (pagination.limitParameter() == null) {
      return DEFAULT_PAGE_SIZE;
    }
    return action.param(pagination.limitParameter())
        .map(p -> positive(p.rule().defaultValue()).or(() -> positive(p.rule().maximum())).orElse(DEFAULT_PAGE_SIZE))
        .orElse(DEFAULT_PAGE_SIZE);
  }

  private static Optional<Integer> positive(Object value) {
    if (value instanceof Number n && n.longValue() > 0) {
      return Optional.of((int) Math.min(Integer.MAX_VALUE, n.longValue()));
    }
    return Optional.empty();
  }

  /** The page of {@code listing} that {@code request} asks for. */
  ActionResult page(ActionRequest request, Listing listing) {
    Optional<Long> start = cursorOf(request);
    if (start.isEmpty()) {
      return request.error(invalidCursorCode, pagination.cursorParameter() + " is not a cursor this simulator gave out");
    }
    List<Map<String, Object>> items = listing.items();
    int from = (int) Math.min(start.get(), items.size());
    int to = (int) Math.min((long) from + pageSize(request), items.size());
    boolean last = to == items.size();

    Map<String, Object> fields = new LinkedHashMap<>(action.successExample());
    fields.putAll(listing.fields());
    fields.put(pagination.itemsField(), items.subList(from, to));
    long next = last ? 0 : to;
    fields.put(pagination.cursorField(), pagination.textCursor() ? Long.toString(next) : (Object) next);
    if (pagination.doneField() != null) {
      fields.put(pagination.doneField(), pagination.booleanDone() ? (Object) last : (Object) (last ? 1 : 0));
    }
    return ActionResult.success(fields);
  }

  // Absent, empty and 0 mean the first page; anything else must be a position >= 0.
  private Optional<Long> cursorOf(ActionRequest request) {
    Object raw = request.params().get(pagination.cursorParameter());
    if (raw == null || "".equals(raw)) {
      return Optional.of(0L);
    }
    try {
      long position = new BigDecimal(raw.toString().trim()).longValueExact();
      return position < 0 ? Optional.empty() : Optional.of(position);
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  // A limit of 0 or less, or none, takes the default, as ZEGO's servers do.
  private int pageSize(ActionRequest request) {
    if (pagination.limitParameter() == null) {
      return defaultPageSize;
    }
    return request.number(pagination.limitParameter())
        .filter(limit -> limit > 0)
        .map(limit -> (int) Math.min(Integer.MAX_VALUE, limit))
        .orElse(defaultPageSize);
  }
}
