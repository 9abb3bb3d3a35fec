package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ReturnCodeCatalog;

/** Answer messages: the spec's meaning of a code, with a detail when one helps the caller. */
final class Messages {

  private final ReturnCodeCatalog catalog;

  Messages(ReturnCodeCatalog catalog) {
    this.catalog = catalog;
  }

  Outcome reject(int code) {
    return Outcome.of(code, catalog.meaning(code));
  }

  /** The meaning followed by {@code detail}, e.g. "Input parameter error: RoomId is required". */
  Outcome reject(int code, String detail) {
    String meaning = catalog.meaning(code);
    if (meaning.endsWith(".")) {
      meaning = meaning.substring(0, meaning.length() - 1);
    }
    return Outcome.of(code, meaning + ": " + detail);
  }

  String meaning(int code) {
    return catalog.meaning(code);
  }
}
