package org.fedbridge.admin.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.fedbridge.core.types.Bytes32;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log's one public face. Every mutation of the console records what happened with {@link
 * #record} inside its own transaction (it refuses to run outside one), so the action and its audit
 * entry commit or roll back together. Refused attempts are recorded with {@link #recordRefusal} in
 * a transaction of their own (the attempt changed nothing else).
 */
@Service
public class AuditLog {
  /** Actor prefix for what the console does by itself (reconciliation, publication, …). */
  public static final String SYSTEM = "system:";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final AuditStore store;
  private final Clock clock;

  AuditLog(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Appends an entry in the caller's transaction.
   *
   * @param actor the principal's name, or {@code system:<component>}
   * @param action dotted lower-case verb, e.g. {@code proposal.approve}
   * @param target what it applies to, e.g. {@code proposal/7}
   * @param details particulars (never a secret), stored as canonical JSON
   * @return the entry's position
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long record(String actor, String action, String target, Map<String, ?> details) {
    return store.append(now(), actor, action, target, "done", json(details));
  }

  /** Appends an alert (a mismatch found by the console itself) in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long alert(String actor, String action, String target, Map<String, ?> details) {
    return store.append(now(), actor, action, target, "alert", json(details));
  }

  /** Records a refused attempt in a transaction of its own. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public long recordRefusal(String actor, String action, String target, String reason) {
    return store.append(now(), actor, action, target, "refused", json(Map.of("reason", reason)));
  }

  /** Newest first; {@code beforeSeq} pages backwards. */
  @Transactional(readOnly = true)
  public List<AuditEntry> page(long beforeSeq, int limit, Optional<String> actor) {
    return store.page(beforeSeq, limit, actor.orElse(null));
  }

  /** Walks the whole chain from its first entry and reports the first break. */
  @Transactional(readOnly = true)
  public AuditVerification verify() {
    long[] next = {1};
    long[] count = {0};
    Bytes32[] prev = {AuditChain.GENESIS};
    long[] broken = {0};
    String[] problem = {""};
    store.forEach(
        e -> {
          count[0]++;
          if (broken[0] == 0) {
            Optional<String> bad = AuditChain.check(e, next[0], prev[0]);
            if (bad.isPresent()) {
              broken[0] = Math.min(e.seq(), next[0]);
              problem[0] = bad.get();
            }
          }
          next[0] = e.seq() + 1;
          prev[0] = e.hash();
        });
    return new AuditVerification(
        broken[0] == 0, count[0], next[0] - 1, prev[0], broken[0], problem[0]);
  }

  /** Every entry in chain order, for an export that anyone can verify offline. */
  @Transactional(readOnly = true)
  public void export(Consumer<AuditEntry> each) {
    store.forEach(each);
  }

  /** An entry as a JSON-ready map (hashes in hex). */
  public static Map<String, Object> view(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.at().toString());
    m.put("actor", e.actor());
    m.put("action", e.action());
    m.put("target", e.target());
    m.put("outcome", e.outcome());
    m.put("details", e.details());
    m.put("prevHash", e.prevHash().toHex());
    m.put("hash", e.hash().toHex());
    return m;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static String json(Map<String, ?> details) {
    return JSON.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
  }
}
