package dev.zimclient.spec;

import java.util.List;

/**
 * What the compatibility gate found: one line per breaking change, and openapi-diff's own report
 * of every difference for the details.
 */
record GateReport(List<String> breaks, String details) {
  GateReport {
    breaks = List.copyOf(breaks);
  }

  boolean compatible() {
    return breaks.isEmpty();
  }

  /** The report as a test failure shows it. */
  String render() {
    StringBuilder text = new StringBuilder();
    if (compatible()) {
      text.append("No breaking change against the baseline.\n");
    } else {
      text.append(breaks.size()).append(" breaking change(s) against the baseline:\n");
      breaks.forEach(line -> text.append("  - ").append(line).append('\n'));
      text.append("If the break is intended, copy the spec over the baseline and record it in CHANGELOG.md")
          .append(" (see docs/ADD-AN-ACTION.md).\n");
    }
    return text.append('\n').append(details).toString();
  }
}
