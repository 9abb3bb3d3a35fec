package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ParamSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The business parameters of a call, for handlers and the journal: query values (a list for an
 * array parameter or a repeated key, else a string) and, for POST, the JSON body's fields.
 */
final class ParamExtractor {

  private ParamExtractor() {}

  static Map<String, Object> extract(Call call) {
    Map<String, Object> params = new LinkedHashMap<>();
    call.query.asMap().forEach(
        (name, values) -> {
          if (!PublicParams.ALL.contains(name)) {
            params.put(name, isArray(call, name) || values.size() > 1 ? values : values.get(0));
          }
        });
    if ("POST".equals(call.method)) {
      call.bodyFields().ifPresent(params::putAll);
    }
    return params;
  }

  private static boolean isArray(Call call, String baseName) {
    if (call.action == null) {
      return false;
    }
    for (ParamSpec param : call.action.params()) {
      if (param.baseName().equals(baseName) && "array".equals(param.rule().type())) {
        return true;
      }
    }
    return false;
  }
}
