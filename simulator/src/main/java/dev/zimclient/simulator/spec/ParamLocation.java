package dev.zimclient.simulator.spec;

/** Where a business parameter travels. */
public enum ParamLocation {
  /** In the URL query, next to the public parameters. */
  QUERY,
  /** As a top-level field of the JSON request body. */
  BODY
}
