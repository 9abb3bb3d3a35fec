package dev.zimclient.simulator;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Every request and answer, oldest first. Bounded so that a load test cannot exhaust the heap:
 * past the capacity the oldest entries are dropped.
 */
final class Journal {

  private final int capacity;
  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();

  Journal(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("journal capacity must be >= 0: " + capacity);
    }
    this.capacity = capacity;
  }

  synchronized void record(JournalEntry entry) {
    if (capacity == 0) {
      return;
    }
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  synchronized List<JournalEntry> snapshot() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }
}
