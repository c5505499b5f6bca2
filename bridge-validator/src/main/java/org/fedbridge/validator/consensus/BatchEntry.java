package org.fedbridge.validator.consensus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedbridge.core.types.Bytes32;

/** What this validator holds for one batch: one candidate per member, and its progress. */
final class BatchEntry {
  private final BatchKey key;
  private final Map<Integer, Candidate> byMember = new TreeMap<>();
  private Instant firstPartialAt;
  private Bytes32 observedDigest;
  private Instant nextObservationCheck = Instant.MIN;
  private boolean optimisticFailed;
  private Instant certifiedAt;

  BatchEntry(BatchKey key) {
    this.key = key;
  }

  BatchKey key() {
    return key;
  }

  Candidate candidate(int member) {
    return byMember.get(member);
  }

  void add(Candidate c) {
    byMember.put(c.index(), c);
    if (firstPartialAt == null || c.receivedAt().isBefore(firstPartialAt)) {
      firstPartialAt = c.receivedAt();
    }
  }

  void remove(int member) {
    byMember.remove(member);
  }

  /** Candidates in member order. */
  List<Candidate> candidates() {
    return new ArrayList<>(byMember.values());
  }

  /** Candidates for {@code digest} not yet proven bad, in member order. */
  List<Candidate> usable(Bytes32 digest) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : byMember.values()) {
      if (c.verdict() != Candidate.Verdict.BAD && c.envelope().digest().equals(digest)) {
        out.add(c);
      }
    }
    return out;
  }

  Instant firstPartialAt() {
    return firstPartialAt;
  }

  Bytes32 observedDigest() {
    return observedDigest;
  }

  void observedDigest(Bytes32 digest) {
    this.observedDigest = digest;
  }

  Instant nextObservationCheck() {
    return nextObservationCheck;
  }

  void nextObservationCheck(Instant at) {
    this.nextObservationCheck = at;
  }

  /**
   * Whether an optimistic combination already failed: from then on, partials are checked singly.
   */
  boolean optimisticFailed() {
    return optimisticFailed;
  }

  void optimisticFailed(boolean failed) {
    this.optimisticFailed = failed;
  }

  boolean certified() {
    return certifiedAt != null;
  }

  Instant certifiedAt() {
    return certifiedAt;
  }

  void certifiedAt(Instant at) {
    this.certifiedAt = at;
  }
}
