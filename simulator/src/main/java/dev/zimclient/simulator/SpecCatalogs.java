package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.SpecCatalog;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed specs by classpath resource: parsing takes a while, and tests build many simulators. */
final class SpecCatalogs {

  private static final ConcurrentHashMap<String, SpecCatalog> CACHE = new ConcurrentHashMap<>();

  private SpecCatalogs() {}

  static SpecCatalog load(String resource) {
    return CACHE.computeIfAbsent(resource, SpecCatalog::fromClasspath);
  }
}
