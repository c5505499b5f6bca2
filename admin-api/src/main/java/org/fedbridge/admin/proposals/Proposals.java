package org.fedbridge.admin.proposals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.Outcome;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposals feature's public face: make, approve, cancel, read.
 *
 * <p>SECURITY (threats.md row 12): nothing an admin proposes takes effect on one key. A proposal
 * needs M distinct admin approvals (M = {@code bridge.admin.required-approvals}, never below 2; the
 * proposer's own approval counts once; nobody approves twice: a database key), then waits out the
 * timelock, during which any admin can cancel it. Only then is it published, and even then the
 * federation acts only through its own threshold certificate and the vault's governance delay.
 */
@Service
public class Proposals {
  /** How long a proposal may wait for its approvals. */
  static final Duration TTL = Duration.ofDays(7);

  private final ProposalStore store;
  private final ProposalPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final AdminProperties properties;

  Proposals(
      ProposalStore store,
      ProposalPolicy policy,
      AuditLog audit,
      Clock clock,
      AdminProperties properties) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.properties = properties;
  }

  /** Makes a proposal if it passes the policy; the proposer's approval is its first. */
  @Transactional
  public Outcome<ProposalView> create(AdminPrincipal proposer, ProposalRequest request) {
    if (!proposer.has(Role.ADMIN)) {
      return Outcome.refused(AdminError.FORBIDDEN, "only admins propose");
    }
    Outcome<ProposalPolicy.Plan> plan = policy.check(request, store.liveMemberChange());
    if (plan instanceof Outcome.Refused<ProposalPolicy.Plan> no) {
      audit.recordRefusal(proposer.name(), "proposal.create", "proposals", no.detail());
      return Outcome.refused(no.error(), no.detail());
    }
    ProposalPolicy.Plan p = plan.orThrow();
    Instant now = clock.instant();
    int m = properties.requiredApprovals();
    long id = store.insert(request.kind(), p, proposer.name(), m, now, now.plus(TTL));
    store.approve(id, proposer.name(), now);
    audit.record(
        proposer.name(),
        "proposal.create",
        "proposal/" + id,
        Map.of(
            "kind",
            request.kind().name(),
            "summary",
            p.summary(),
            "effect",
            p.effect(),
            "reason",
            request.reason() == null ? "" : request.reason()));
    return Outcome.done(store.get(id).orElseThrow());
  }

  /** One more distinct admin's approval; the M-th starts the timelock. */
  @Transactional
  public Outcome<ProposalView> approve(AdminPrincipal admin, long id) {
    if (!admin.has(Role.ADMIN)) {
      return Outcome.refused(AdminError.FORBIDDEN, "only admins approve");
    }
    Optional<ProposalView> locked = store.lock(id);
    if (locked.isEmpty()) {
      return Outcome.refused(AdminError.NOT_FOUND, "no proposal " + id);
    }
    ProposalView p = locked.get();
    if (!p.state().equals("PENDING")) {
      return Outcome.refused(AdminError.CONFLICT, "proposal " + id + " is " + p.state());
    }
    Instant now = clock.instant();
    // SECURITY: one approval per principal, whoever asks how often (primary key).
    if (!store.approve(id, admin.name(), now)) {
      audit.recordRefusal(admin.name(), "proposal.approve", "proposal/" + id, "approved twice");
      return Outcome.refused(
          AdminError.CONFLICT, admin.name() + " has already approved proposal " + id);
    }
    ProposalView after = store.get(id).orElseThrow();
    audit.record(
        admin.name(),
        "proposal.approve",
        "proposal/" + id,
        Map.of("approvals", after.approvals().size(), "required", p.requiredApprovals()));
    if (after.approvals().size() >= p.requiredApprovals()) {
      Instant ready = p.kind().timelocked() ? now.plus(properties.timelock()) : now;
      store.approved(id, now, ready);
      audit.record(
          AuditLog.SYSTEM + "proposals",
          "proposal.approved",
          "proposal/" + id,
          Map.of("readyAt", ready.toString()));
    }
    return Outcome.done(store.get(id).orElseThrow());
  }

  /** Any admin cancels a proposal that has not been carried out yet. */
  @Transactional
  public Outcome<ProposalView> cancel(AdminPrincipal admin, long id, String reason) {
    if (!admin.has(Role.ADMIN)) {
      return Outcome.refused(AdminError.FORBIDDEN, "only admins cancel");
    }
    Optional<ProposalView> locked = store.lock(id);
    if (locked.isEmpty()) {
      return Outcome.refused(AdminError.NOT_FOUND, "no proposal " + id);
    }
    String state = locked.get().state();
    if (!state.equals("PENDING") && !state.equals("APPROVED")) {
      return Outcome.refused(
          AdminError.CONFLICT, "proposal " + id + " is " + state + ": too late to cancel");
    }
    String why = reason == null || reason.isBlank() ? "cancelled" : reason;
    store.close(id, "CANCELLED", clock.instant(), admin.name(), why);
    audit.record(admin.name(), "proposal.cancel", "proposal/" + id, Map.of("reason", why));
    return Outcome.done(store.get(id).orElseThrow());
  }

  @Transactional(readOnly = true)
  public Optional<ProposalView> get(long id) {
    return store.get(id);
  }

  @Transactional(readOnly = true)
  public List<ProposalView> list(Optional<String> state, int limit) {
    return store.list(state.orElse(null), limit);
  }

  /** Proposals whose timelock has ended, for the governance executor. */
  @Transactional(readOnly = true)
  public List<Long> due() {
    return store.due(clock.instant());
  }

  /**
   * Locks a due proposal for carrying it out (in the executor's transaction); empty if it is no
   * longer approved and due (cancelled meanwhile, or carried out by another replica).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<ProposalView> lockDue(long id) {
    return store
        .lock(id)
        .filter(p -> p.state().equals("APPROVED") && !p.readyAt().isAfter(clock.instant()));
  }

  /** Marks a locked proposal as published under a governance sequence. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void published(long id, long sequence) {
    store.published(id, sequence, clock.instant());
  }

  /** Marks a locked proposal as carried out by the console itself. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void executed(long id) {
    store.close(id, "EXECUTED", clock.instant(), AuditLog.SYSTEM + "governance", "executed");
  }

  /** Marks a locked proposal as failed: it can no longer be carried out as approved. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void failed(long id, String reason) {
    store.close(id, "FAILED", clock.instant(), AuditLog.SYSTEM + "governance", reason);
    audit.record(
        AuditLog.SYSTEM + "governance",
        "proposal.fail",
        "proposal/" + id,
        Map.of("reason", reason));
  }

  /** Pending proposals past their time are closed as expired. */
  @Transactional
  public void expire() {
    Instant now = clock.instant();
    for (long id : store.expired(now)) {
      store.close(id, "EXPIRED", now, AuditLog.SYSTEM + "proposals", "not approved in time");
      audit.record(AuditLog.SYSTEM + "proposals", "proposal.expire", "proposal/" + id, Map.of());
    }
  }
}
