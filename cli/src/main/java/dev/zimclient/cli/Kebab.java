package dev.zimclient.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names on the command line: an action or a parameter of the spec in kebab-case. */
final class Kebab {
  /**
   * Before an uppercase letter that follows a lowercase letter or a digit, and before the last
   * capital of a run of capitals followed by a lowercase letter: ZIMAudio is zim-audio, C2cMsg is
   * c2c-msg.
   */
  private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  private Kebab() {}

  /** {@code RoomUserList} is {@code room-user-list}; a trailing {@code []} is dropped. */
  static String of(String name) {
    String bare = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
    return String.join("-", WORD_BOUNDARY.split(bare)).toLowerCase(Locale.ROOT);
  }

  /** {@code RoomId} is the option {@code --room-id}. */
  static String option(String name) {
    return "--" + of(name);
  }

  /** {@code RoomId} is the label {@code ROOM_ID}. */
  static String label(String name) {
    return of(name).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** {@code RoomId} is {@code roomId}, the JSON name of a key in an outcome line. */
  static String camel(String name) {
    String bare = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
    return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }

  /** What a count of keys is called: RoomId counts rooms, GroupOwner owners. */
  static String plural(String name) {
    String[] words = of(name).split("-");
    String last = words[words.length - 1];
    if (last.equals("id") && words.length > 1) {
      last = words[words.length - 2];
    }
    return last + "s";
  }
}
