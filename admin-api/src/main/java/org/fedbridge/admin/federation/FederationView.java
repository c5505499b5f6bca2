package org.fedbridge.admin.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.WireType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation as operators see it: each member of the current (and a planned) epoch with its
 * health from its signed heartbeats, and the certificates made with who did not sign them.
 */
@Service
public class FederationView {
  /** How many recent certificates "missed signatures" counts over. */
  static final int WINDOW = 100;

  private final Roster roster;
  private final FeedStore store;
  private final Clock clock;
  private final AdminProperties.Federation settings;

  FederationView(Roster roster, FeedStore store, Clock clock, AdminProperties properties) {
    this.roster = roster;
    this.store = store;
    this.clock = clock;
    this.settings = properties.federation();
  }

  @Transactional(readOnly = true)
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, FeedStore.Health> health = new HashMap<>();
    store.health().forEach(h -> health.put(h.identityKey(), h));
    Optional<EpochView> current = roster.current();
    out.put("epoch", current.map(e -> epoch(e, health)).orElse(null));
    out.put("planned", roster.planned().map(e -> epoch(e, health)).orElse(null));
    out.put("refusedRecords", store.refusals());
    return out;
  }

  @Transactional(readOnly = true)
  public List<EpochView> epochs() {
    return roster.history();
  }

  /** Recent certificates with the members that did not sign (per the combiner's claim). */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> certificates(int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<Long, Optional<EpochView>> epochs = new HashMap<>();
    for (FeedStore.StoredCertificate c : store.certificates(limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      WireType type = WireType.ofCode(c.type());
      m.put("type", type == null ? c.type() : type.messageType().label());
      m.put("batchId", c.batchId());
      m.put("epoch", c.epoch());
      m.put("signers", c.signers());
      m.put("notSigned", notSigned(c, epochs.computeIfAbsent(c.epoch(), roster::epoch)));
      m.put("combinedBy", c.combinedBy());
      m.put("verified", c.verified());
      m.put("receivedAt", c.receivedAt().toString());
      out.add(m);
    }
    return out;
  }

  private static List<String> notSigned(FeedStore.StoredCertificate c, Optional<EpochView> e) {
    if (e.isEmpty()) {
      return List.of();
    }
    Set<Integer> signed = new TreeSet<>(c.signers());
    return e.get().members().stream()
        .filter(m -> !signed.contains(m.index()))
        .map(RotationMember::operatorId)
        .toList();
  }

  private Map<String, Object> epoch(EpochView e, Map<String, FeedStore.Health> health) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("epoch", e.epoch());
    out.put("threshold", e.threshold());
    out.put("size", e.members().size());
    out.put("state", e.state());
    out.put("attempt", e.attempt());
    out.put("groupKey", e.groupKey());
    out.put("source", e.source());
    List<List<Integer>> ofEpoch = store.signerLists(e.epoch(), WINDOW);
    out.put("certificatesCounted", ofEpoch.size());
    List<Map<String, Object>> members = new ArrayList<>();
    for (RotationMember m : e.members()) {
      members.add(member(m, health.get(Hex.encode(m.identityKey().compressed())), ofEpoch));
    }
    out.put("members", members);
    return out;
  }

  private Map<String, Object> member(
      RotationMember m, FeedStore.Health h, List<List<Integer>> certificates) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", m.index());
    out.put("operatorId", m.operatorId());
    out.put("identityKey", Hex.encode(m.identityKey().compressed()));
    long missed = certificates.stream().filter(signers -> !signers.contains(m.index())).count();
    out.put("missedSignatures", missed);
    if (h == null) {
      out.put("status", "UNKNOWN");
      return out;
    }
    Instant now = clock.instant();
    long l1Lag = Math.max(0, h.l1SafeHead() - h.l1Cursor());
    long sidechainLag = Math.max(0, h.sidechainHead() - h.sidechainCursor());
    String status;
    if (Duration.between(h.receivedAt(), now).compareTo(settings.silentAfter()) > 0) {
      status = "SILENT";
    } else if (h.halted()) {
      status = "HALTED";
    } else if (l1Lag > settings.lagWarning() || sidechainLag > settings.lagWarning()) {
      status = "LAGGING";
    } else {
      status = "OK";
    }
    out.put("status", status);
    out.put("lastHeartbeatAt", h.receivedAt().toString());
    out.put("reportedEpoch", h.epoch());
    out.put("reportedIndex", h.memberIndex());
    out.put("l1Head", h.l1Head());
    out.put("l1Lag", l1Lag);
    out.put("sidechainHead", h.sidechainHead());
    out.put("sidechainLag", sidechainLag);
    if (h.lastSignedType() != null) {
      WireType t = WireType.ofCode(h.lastSignedType());
      out.put(
          "lastSigned",
          Map.of(
              "type", t == null ? "?" : t.messageType().label(),
              "batchId", h.lastSignedBatch(),
              "epoch", h.lastSignedEpoch()));
    }
    out.put("halted", h.halted());
    out.put("haltReason", h.haltReason());
    out.put("softwareVersion", h.softwareVersion());
    return out;
  }
}
