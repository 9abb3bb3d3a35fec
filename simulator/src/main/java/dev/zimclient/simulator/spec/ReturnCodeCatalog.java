package dev.zimclient.simulator.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The spec's {@code x-zim-return-codes}: each code with its name and meaning. */
public final class ReturnCodeCatalog {

  private final Map<Integer, Entry> byCode;
  private final Map<String, Entry> byName;

  ReturnCodeCatalog(Iterable<Entry> entries) {
    Map<Integer, Entry> codes = new LinkedHashMap<>();
    Map<String, Entry> names = new LinkedHashMap<>();
    for (Entry entry : entries) {
      codes.put(entry.code(), entry);
      if (entry.name() != null) {
        names.put(entry.name(), entry);
      }
    }
    this.byCode = Collections.unmodifiableMap(codes);
    this.byName = Collections.unmodifiableMap(names);
  }

  /**
   * The code the spec names {@code name}.
   *
   * @throws IllegalStateException when the spec lacks it: the simulator then cannot answer truly
   */
  public int code(String name) {
    Entry entry = byName.get(name);
    if (entry == null) {
      throw new IllegalStateException("the spec's x-zim-return-codes has no " + name);
    }
    return entry.code();
  }

  /** The code the spec names {@code name}, if it lists one. */
  public Optional<Integer> find(String name) {
    return Optional.ofNullable(byName.get(name)).map(Entry::code);
  }

  /** The catalogue entry of {@code code}, if the spec lists it. */
  public Optional<Entry> entry(int code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The meaning of {@code code}, or a neutral text for an unlisted code. */
  public String meaning(int code) {
    Entry entry = byCode.get(code);
    return entry != null && entry.meaning() != null ? entry.meaning() : "Error " + code + ".";
  }

  /** Every entry, in spec order. */
  public Map<Integer, Entry> entries() {
    return byCode;
  }

  /** One catalogue line. */
  public record Entry(int code, String name, String meaning) {}
}
