package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What user actions do to the registered users of an app; installed only when the spec declares them. */
final class UserActions {

  private UserActions() {}

  /** Handler factories by action name. */
  static Map<String, HandlerFactory> handlers() {
    return Map.of("UserRegister", UserActions::userRegister);
  }

  // Code 0 as long as one user was registered, the others listed with their sub-code; a
  // non-zero code with the list when none was, as ZEGO documents.
  private static ActionHandler userRegister(ReturnCodeCatalog catalog) {
    int exists = catalog.code("USER_ALREADY_EXISTS");
    String meaning = catalog.meaning(exists);
    return request -> {
      int registered = 0;
      List<Map<String, Object>> failed = new ArrayList<>();
      for (Map<?, ?> user : JsonValues.objects(request.params().get("UserInfo"))) {
        String userId = JsonValues.text(user.get("UserId"));
        if (request.users().register(userId, JsonValues.text(user.get("UserName")))) {
          registered++;
        } else {
          Map<String, Object> failure = new LinkedHashMap<>(JsonValues.subCode(userId, exists));
          failure.put("SubMessage", meaning);
          failed.add(failure);
        }
      }
      return registered == 0
          ? ActionResult.error(exists, Map.of("ErrorList", failed))
          : request.specSuccess(Map.of("ErrorList", failed));
    };
  }
}
