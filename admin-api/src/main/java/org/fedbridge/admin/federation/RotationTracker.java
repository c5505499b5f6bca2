package org.fedbridge.admin.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.Outcome;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.Deployment;
import org.fedbridge.admin.chain.L1Accounts;
import org.fedbridge.admin.chain.L1Transactions;
import org.fedbridge.admin.chain.Sidechain;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.wire.CertificateBody.EpochChangeBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.WireType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Follows a published rotation to its end and says why it waits: the new members' DKG and the
 * current federation's {@code EpochChange} certificate (read from {@code bridge.certificates}), its
 * application on L1 (submitted, queued behind the governance delay, executed) and on the sidechain,
 * then activation. SECURITY: the certificate must name exactly the approved members and threshold,
 * or the rotation is flagged and nothing is submitted. The console submits the certificate itself
 * where it can (anyone may; the vault and every replica check it): to the sidechain over JSON-RPC,
 * to L1 with its submitter key.
 */
@Service
public class RotationTracker {
  private static final Logger log = LoggerFactory.getLogger(RotationTracker.class);
  private final Roster roster;
  private final FeedStore feed;
  private final Vault vault;
  private final Sidechain sidechain;
  private final L1Accounts accounts;
  private final L1Transactions transactions;
  private final Deployment deployment;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final java.time.Clock clock;
  private volatile Map<String, Object> last = Map.of("state", "no rotation yet");
  private final java.util.Set<String> alerted = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private byte[] signature;

  RotationTracker(
      Roster roster,
      FeedStore feed,
      Vault vault,
      Sidechain sidechain,
      L1Accounts accounts,
      L1Transactions transactions,
      Deployment deployment,
      AuditLog audit,
      TransactionTemplate tx,
      java.time.Clock clock) {
    this.roster = roster;
    this.feed = feed;
    this.vault = vault;
    this.sidechain = sidechain;
    this.accounts = accounts;
    this.transactions = transactions;
    this.deployment = deployment;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** The rotation in progress (or the last one), step by step. */
  public Map<String, Object> progress() {
    Optional<EpochView> planned = roster.planned();
    if (planned.isEmpty()) {
      Map<String, Object> out = new LinkedHashMap<>(last);
      roster.current().ifPresent(c -> out.put("currentEpoch", c.epoch()));
      return out;
    }
    return last;
  }

  /**
   * Gives up the rotation in progress (an admin, from the console): for a DKG that cannot finish,
   * e.g. a named member that never runs. SECURITY: refused once the current federation certified
   * the approved hand-over, since that certificate can be applied on the chains by anyone; from
   * then on only a pauser's cancel of the queued change on L1 stops it. Audited with who and why.
   */
  public synchronized Outcome<Map<String, Object>> abandon(String actor, String reason) {
    Optional<EpochView> planned = roster.planned();
    if (planned.isEmpty()) {
      return refuse(actor, "rotation", "no rotation is in progress");
    }
    EpochView next = planned.get();
    String target = "epoch/" + next.epoch();
    if (certified(next).isPresent()) {
      return refuse(
          actor,
          target,
          "epoch "
              + (next.epoch() - 1)
              + " already certified the hand-over to epoch "
              + next.epoch()
              + ": it can no longer be abandoned (a pauser can cancel it while it is queued on L1)");
    }
    if (!roster.abandon(next.epoch(), reason, actor)) {
      return refuse(actor, target, "the rotation changed meanwhile; look again");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("state", "abandoned");
    out.put("epoch", next.epoch());
    out.put("attempt", next.attempt());
    out.put("proposal", next.proposalId());
    out.put("abandonedBy", actor);
    out.put("reason", reason);
    out.put("checkedAt", Instant.now(clock).toString());
    last = out;
    log.warn("rotation to epoch {} abandoned by {}: {}", next.epoch(), actor, reason);
    return Outcome.done(out);
  }

  private Outcome<Map<String, Object>> refuse(String actor, String target, String why) {
    audit.recordRefusal(actor, "epoch.abandon", target, why);
    return Outcome.refused(AdminError.CONFLICT, why);
  }

  @Scheduled(fixedDelayString = "${bridge.admin.rotation-poll:PT2S}")
  public synchronized void step() {
    Optional<EpochView> planned = roster.planned();
    if (planned.isEmpty()) {
      return;
    }
    EpochView next = planned.get();
    List<Map<String, String>> steps = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("epoch", next.epoch());
    out.put("attempt", next.attempt());
    out.put("threshold", next.threshold());
    out.put("members", next.members().stream().map(RotationMember::operatorId).toList());
    out.put("proposal", next.proposalId());
    out.put("steps", steps);
    steps.add(step("published", "DONE", "governance record for proposal " + next.proposalId()));
    try {
      Optional<EpochChange> change = certificate(next, steps);
      if (change.isEmpty()) {
        out.put("state", "waiting");
        last = out;
        return;
      }
      boolean onL1 = l1(change.get(), next, steps);
      // The sidechain follows L1, never leads it: the validators sign nothing while the chains
      // name different epochs, so applying it on the sidechain first would stop the bridge for the
      // whole governance delay (and for good if a pauser cancels the queued change on L1).
      boolean onSidechain = onL1 ? sidechain(change.get(), next, steps) : waitForL1(next, steps);
      if (onL1 && onSidechain) {
        roster.activate(next.epoch(), Hex.encode(change.get().newGroupKey().toCompressed()));
        steps.add(step("active", "DONE", "epoch " + next.epoch() + " is in force on both chains"));
        out.put("state", "complete");
        log.info("rotation to epoch {} complete", next.epoch());
      } else {
        steps.add(step("active", "WAITING", "until it is in force on L1 and on the sidechain"));
        out.put("state", "waiting");
      }
    } catch (ChainException e) {
      steps.add(step("chains", "WAITING", "a chain did not answer: " + e.getMessage()));
      out.put("state", "waiting");
    }
    out.put("checkedAt", Instant.now().toString());
    last = out;
  }

  /** Verified EpochChange certificates for the planned epoch, from the current one. */
  private List<CertificateRecord> verified(EpochView next) {
    return feed
        .certificates(WireType.EPOCH_CHANGE.code(), Long.toString(next.epoch()), next.epoch() - 1)
        .stream()
        .filter(s -> Boolean.TRUE.equals(s.verified()))
        .map(s -> CertificateRecord.decode(s.record()).orThrow())
        .toList();
  }

  /** SECURITY: the federation may only hand over to the members the admins approved. */
  private static boolean approves(CertificateRecord c, EpochView next) {
    EpochChange change = ((EpochChangeBody) c.body()).epochChange();
    List<String> certified = change.members().members().stream().map(Member::operatorId).toList();
    List<String> approved = next.members().stream().map(RotationMember::operatorId).toList();
    return certified.equals(approved) && change.members().threshold() == next.threshold();
  }

  private Optional<CertificateRecord> certified(EpochView next) {
    return verified(next).stream().filter(c -> approves(c, next)).findFirst();
  }

  private Optional<EpochChange> certificate(EpochView next, List<Map<String, String>> steps) {
    List<String> approved = next.members().stream().map(RotationMember::operatorId).toList();
    CertificateRecord match = null;
    for (CertificateRecord c : verified(next)) {
      EpochChange change = ((EpochChangeBody) c.body()).epochChange();
      List<String> certified = change.members().members().stream().map(Member::operatorId).toList();
      if (approves(c, next)) {
        match = match == null ? c : match;
      } else {
        String why =
            "an EpochChange certified by epoch "
                + c.epoch()
                + " names "
                + certified
                + " with t = "
                + change.members().threshold()
                + ", not the approved "
                + approved
                + " with t = "
                + next.threshold();
        steps.add(step("certificate", "FAILED", why));
        if (alerted.add(c.digest(deployment.domain(c.epoch())).toHex())) {
          tx.executeWithoutResult(
              s ->
                  audit.alert(
                      AuditLog.SYSTEM + "rotation",
                      "rotation.mismatch",
                      "epoch/" + next.epoch(),
                      Map.of("detail", why)));
          log.error("ROTATION MISMATCH: {}", why);
        }
      }
    }
    if (match == null) {
      steps.add(
          step(
              "dkg",
              "WAITING",
              "the members of epoch "
                  + next.epoch()
                  + " ("
                  + String.join(", ", approved)
                  + ") run their DKG, attempt "
                  + next.attempt()));
      steps.add(step("certificate", "WAITING", signersWait(next)));
      return Optional.empty();
    }
    EpochChange change = ((EpochChangeBody) match.body()).epochChange();
    steps.add(step("dkg", "DONE", "group key " + Hex.encode(change.newGroupKey().toCompressed())));
    steps.add(
        step(
            "certificate",
            "DONE",
            "signed by epoch " + match.epoch() + ", signers " + match.signers()));
    signature = match.signature().toEip2537();
    return Optional.of(change);
  }

  /**
   * Who signs the hand-over and how many are needed: the current members that stay in the next
   * epoch (bridge-validator's {@code Handovers}), t of them.
   */
  private String signersWait(EpochView next) {
    Optional<EpochView> current = roster.current();
    if (current.isEmpty()) {
      return "epoch " + (next.epoch() - 1) + " signs the EpochChange once the DKG has confirmed";
    }
    List<String> staying =
        current.get().members().stream()
            .filter(m -> next.members().stream().anyMatch(n -> same(n, m)))
            .map(RotationMember::operatorId)
            .toList();
    return "the members of epoch "
        + current.get().epoch()
        + " that stay ("
        + String.join(", ", staying)
        + ") sign the EpochChange once their DKG has confirmed; "
        + current.get().threshold()
        + " partials make the certificate"
        + (staying.size() < current.get().threshold()
            ? " — only " + staying.size() + " stay, so it cannot be certified"
            : "");
  }

  private static boolean same(RotationMember a, RotationMember b) {
    return a.operatorId().equals(b.operatorId());
  }

  private boolean l1(EpochChange change, EpochView next, List<Map<String, String>> steps) {
    if (vault.currentEpoch() >= next.epoch()) {
      steps.add(step("l1", "DONE", "the vault's current epoch is " + next.epoch()));
      return true;
    }
    boolean hardened = vault.hardened();
    Bytes32 id = change.digest(deployment.domain(next.epoch() - 1));
    if (hardened) {
      Vault.Operation op = vault.operation(id);
      if (op.state() == 1) {
        // The next block's time is about now (the vault checks it again on execution).
        long now = clock.instant().getEpochSecond();
        if (now < op.readyAt()) {
          steps.add(
              step(
                  "l1",
                  "WAITING",
                  "queued behind the governance delay until "
                      + Instant.ofEpochSecond(op.readyAt())
                      + " (any pauser may cancel it)"));
          return false;
        }
        return send(
            "l1", Vault.epochChangeData("executeEpochChange", change, null), "execute", steps);
      }
      if (op.state() == 3) {
        steps.add(step("l1", "FAILED", "a pauser cancelled the queued EpochChange"));
        return false;
      }
      return send(
          "l1", Vault.epochChangeData("submitEpochChange", change, signature), "submit", steps);
    }
    return send("l1", Vault.epochChangeData("rotateEpoch", change, signature), "rotate", steps);
  }

  private boolean send(String name, String data, String what, List<Map<String, String>> steps) {
    var submitter = accounts.submitter();
    if (submitter.isEmpty()) {
      steps.add(
          step(name, "WAITING", "no submitter key here: waiting for someone to " + what + " it"));
      return false;
    }
    L1Transactions.Sent sent = transactions.send(submitter.get(), vault.address(), data);
    steps.add(
        step(
            name,
            sent.ok() ? "WAITING" : "WAITING",
            sent.ok()
                ? what + " sent in " + sent.hash()
                : what + " refused by the vault: " + sent.error().orElse("")));
    return false;
  }

  private boolean sidechain(EpochChange change, EpochView next, List<Map<String, String>> steps) {
    JsonNode epoch = sidechain.call("bridge_epoch");
    if (epoch != null && epoch.path("number").asLong() >= next.epoch()) {
      steps.add(step("sidechain", "DONE", "the replica's epoch is " + next.epoch()));
      return true;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epoch", next.epoch() - 1);
    params.put("newEpoch", next.epoch());
    params.put("groupPublicKey", Hex.encode(change.newGroupKey().toCompressed()));
    params.put("threshold", change.members().threshold());
    params.put(
        "members",
        change.members().members().stream()
            .map(
                m ->
                    Map.of(
                        "index", m.index(),
                        "operatorId", m.operatorId(),
                        "sharePublicKey", Hex.encode(m.sharePk().toCompressed())))
            .toList());
    params.put("signature", Hex.encode(signature));
    try {
      sidechain.call("bridge_submitEpochChange", params);
      steps.add(step("sidechain", "WAITING", "submitted; waiting for the replicas to apply it"));
    } catch (ChainException e) {
      steps.add(step("sidechain", "WAITING", "submission refused: " + e.getMessage()));
    }
    return false;
  }

  /** The sidechain step while L1 has not executed the change yet (done if it is there anyway). */
  private boolean waitForL1(EpochView next, List<Map<String, String>> steps) {
    JsonNode epoch = sidechain.call("bridge_epoch");
    if (epoch != null && epoch.path("number").asLong() >= next.epoch()) {
      steps.add(step("sidechain", "DONE", "the replica's epoch is " + next.epoch()));
      return true;
    }
    steps.add(
        step(
            "sidechain",
            "WAITING",
            "submitted once L1 has executed it (until then epoch "
                + (next.epoch() - 1)
                + " keeps signing on both chains)"));
    return false;
  }

  private static Map<String, String> step(String name, String state, String detail) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("step", name);
    m.put("state", state);
    m.put("detail", detail);
    return m;
  }
}
