package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.ParamViolation;
import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code one action answers for a parameter that breaks its schema, as ZEGO's pages document
 * them: the action's own code for the broken constraint where it documents one (too many users in
 * a list: 660000011; a UserName too long: 660700006; ...), else its parameter-error code
 * (660000002, or ZIM Audio's 910001), else the gateway's 2. Codes are looked up by catalogue name
 * and used only when the action lists them, so a spec without them falls back to 2.
 */
final class ParameterErrorCodes {

  /** The generic parameter-error codes of the business services, in order of preference. */
  private static final List<String> GENERIC = List.of("BUSINESS_PARAMETER_ERROR", "AUDIO_PARAMETER_ERROR");

  /** What an action answers for a list longer than its maxItems, the first it documents. */
  private static final List<String> TOO_MANY_ITEMS =
      List.of(
          "TOO_MANY_USERS_IN_LIST",
          "TOO_MANY_INPUT_USERS",
          "TOO_MANY_GROUP_MEMBERS",
          "TOO_MANY_CALLEES",
          "TOO_MANY_RECEIPT_MESSAGES",
          "BATCH_TOO_LARGE");

  /** Fields whose excess length has a code of its own, wherever they are in the request. */
  private static final Map<String, String> TOO_LONG_BY_FIELD =
      Map.of(
          "UserId", "USER_ID_TOO_LONG",
          "UserName", "USER_NAME_TOO_LONG",
          "UserAvatar", "USER_AVATAR_TOO_LONG",
          "FriendAlias", "FRIEND_ALIAS_OR_WORDING_TOO_LONG",
          "Wording", "FRIEND_ALIAS_OR_WORDING_TOO_LONG");

  private final int generic;
  private final Integer tooManyItems;
  private final Map<String, Integer> tooLongByField;

  private ParameterErrorCodes(int generic, Integer tooManyItems, Map<String, Integer> tooLongByField) {
    this.generic = generic;
    this.tooManyItems = tooManyItems;
    this.tooLongByField = Map.copyOf(tooLongByField);
  }

  /** The codes of {@code action}; {@code gatewayCode} when it documents none of its own. */
  static ParameterErrorCodes of(ActionSpec action, ReturnCodeCatalog catalog, int gatewayCode) {
    int generic = firstDocumented(action, catalog, GENERIC).orElse(gatewayCode);
    Integer tooMany = firstDocumented(action, catalog, TOO_MANY_ITEMS).orElse(null);
    Map<String, Integer> tooLong = new HashMap<>();
    TOO_LONG_BY_FIELD.forEach(
        (field, name) -> firstDocumented(action, catalog, List.of(name)).ifPresent(code -> tooLong.put(field, code)));
    return new ParameterErrorCodes(generic, tooMany, tooLong);
  }

  /** The code that answers {@code violation}. */
  int codeFor(ParamViolation violation) {
    // A nested list (a friend's attributes) is not the request's list of users or items.
    if (violation.kind() == ParamViolation.Kind.TOO_MANY_ITEMS && violation.topLevel() && tooManyItems != null) {
      return tooManyItems;
    }
    if (violation.kind() == ParamViolation.Kind.TOO_LONG) {
      Integer code = tooLongByField.get(violation.leafName());
      if (code != null) {
        return code;
      }
    }
    return generic;
  }

  /** The action's generic parameter-error code, e.g. for a cursor it cannot read. */
  int generic() {
    return generic;
  }

  private static Optional<Integer> firstDocumented(ActionSpec action, ReturnCodeCatalog catalog, List<String> names) {
    for (String name : names) {
      Optional<Integer> code = catalog.find(name).filter(action.documentedCodes()::contains);
      if (code.isPresent()) {
        return code;
      }
    }
    return Optional.empty();
  }
}
