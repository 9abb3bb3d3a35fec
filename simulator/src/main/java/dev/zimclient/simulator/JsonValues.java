package dev.zimclient.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading request fields as the built-in handlers need them, and the per-user failures they answer. */
final class JsonValues {

  private JsonValues() {}

  /** The objects of a JSON array parameter; nothing when it is absent. */
  static List<Map<?, ?>> objects(Object value) {
    List<Map<?, ?>> objects = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          objects.add(map);
        }
      }
    }
    return objects;
  }

  /** A field's text; empty when absent. */
  static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** A 0/1 field; absent reads as 0, the default ZEGO gives every such flag. */
  static int flag(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  /** One user's failure as ZEGO's ErrorList entries give it. */
  static Map<String, Object> subCode(String userId, int code) {
    Map<String, Object> failure = new LinkedHashMap<>();
    failure.put("UserId", userId);
    failure.put("SubCode", code);
    return failure;
  }
}
