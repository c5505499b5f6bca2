package org.fedbridge.validator.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batches this validator is collecting partials for, and per member how many uncertified
 * batches it holds a candidate in (the bound that keeps a flooding member from growing memory).
 * Owned by the consensus thread; not thread-safe.
 */
final class CandidatePool {
  private record MemberKey(long epoch, int index) {}

  private final Map<BatchKey, BatchEntry> entries = new HashMap<>();
  private final Map<MemberKey, Integer> pending = new HashMap<>();
  private final Map<BatchKey, Boolean> recentlyCertified =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BatchKey, Boolean> eldest) {
          return size() > 10_000;
        }
      };

  BatchEntry get(BatchKey key) {
    return entries.get(key);
  }

  BatchEntry getOrCreate(BatchKey key) {
    return entries.computeIfAbsent(key, BatchEntry::new);
  }

  List<BatchEntry> all() {
    return new ArrayList<>(entries.values());
  }

  int size() {
    return entries.size();
  }

  int pending(long epoch, int member) {
    return pending.getOrDefault(new MemberKey(epoch, member), 0);
  }

  void add(BatchEntry entry, Candidate c) {
    entry.add(c);
    if (!entry.certified()) {
      pending.merge(new MemberKey(entry.key().epoch(), c.index()), 1, Integer::sum);
    }
  }

  /** The entry is certified: its candidates no longer count against their members' bound. */
  void certified(BatchEntry entry) {
    release(entry);
    recentlyCertified.put(entry.key(), true);
  }

  boolean recentlyCertified(BatchKey key) {
    return recentlyCertified.containsKey(key);
  }

  void remove(BatchEntry entry) {
    if (!entry.certified()) {
      release(entry);
    }
    entries.remove(entry.key());
  }

  void clear() {
    entries.clear();
    pending.clear();
  }

  private void release(BatchEntry entry) {
    for (Candidate c : entry.candidates()) {
      pending.computeIfPresent(
          new MemberKey(entry.key().epoch(), c.index()), (k, v) -> v <= 1 ? null : v - 1);
    }
  }
}
