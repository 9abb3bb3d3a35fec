package dev.zimclient.simulator.spec;

import java.util.Objects;
import java.util.Set;

/**
 * How an action pages, from its {@code x-zim-pagination}, with what the answer's schema says of
 * the fields involved.
 *
 * @param cursorParameter the query parameter or body field that carries the cursor in
 * @param cursorField the answer's field that carries the next cursor out
 * @param textCursor whether {@code cursorField} is a string in the answer (else an integer)
 * @param itemsField the answer's array of this page's items
 * @param itemFields the properties an item may have; empty when the spec does not say
 * @param endWhen how a client tells the last page
 * @param doneField the answer's flag set on the last page; null unless {@code endWhen} is
 *     {@link EndWhen#DONE_FIELD}
 * @param booleanDone whether {@code doneField} is a boolean in the answer (else 0 or 1)
 * @param limitParameter the parameter that sets the page size; null when the action has none
 */
public record Pagination(
    String cursorParameter,
    String cursorField,
    boolean textCursor,
    String itemsField,
    Set<String> itemFields,
    EndWhen endWhen,
    String doneField,
    boolean booleanDone,
    String limitParameter) {

  public Pagination {
    Objects.requireNonNull(cursorParameter, "cursorParameter");
    Objects.requireNonNull(cursorField, "cursorField");
    Objects.requireNonNull(itemsField, "itemsField");
    itemFields = Set.copyOf(itemFields);
    Objects.requireNonNull(endWhen, "endWhen");
    if (endWhen == EndWhen.DONE_FIELD && doneField == null) {
      throw new IllegalArgumentException("endWhen done-field needs a doneField");
    }
  }

  /** The end conditions of {@code x-zim-pagination}. */
  public enum EndWhen {
    /** The last page returns no cursor, an empty one, 0 or "0". */
    CURSOR_EMPTY_OR_ZERO,
    /** The last page sets {@code doneField} to true or 1. */
    DONE_FIELD;

    /** {@code cursor-empty-or-zero} or {@code done-field}. */
    public static EndWhen fromSpec(Object value) {
      if ("done-field".equals(value)) {
        return DONE_FIELD;
      }
      if ("cursor-empty-or-zero".equals(value)) {
        return CURSOR_EMPTY_OR_ZERO;
      }
      throw new IllegalArgumentException("unknown x-zim-pagination endWhen: " + value);
    }
  }
}
