package org.fedbridge.admin.pause;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.Outcome;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.L1Accounts;
import org.fedbridge.admin.chain.L1Transactions;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.admin.proposals.ProposalKind;
import org.fedbridge.core.types.Address;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.crypto.Credentials;

/**
 * Pause: a PAUSER stops the vault at once with the console's pauser key ({@code pause()} on L1).
 * Lifting it is not here: only an approved UNPAUSE proposal, carried out by the federation's
 * certificate behind the vault's governance delay, unpauses. Also used by the watchtower's
 * automatic pause. Every pause is audited: the intent before the transaction is sent (so a crash
 * after sending still leaves a trace) and the outcome after.
 */
@Service
public class VaultPause {
  private final Vault vault;
  private final L1Accounts accounts;
  private final L1Transactions transactions;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final PauseGovernanceView governance;

  VaultPause(
      Vault vault,
      L1Accounts accounts,
      L1Transactions transactions,
      AuditLog audit,
      TransactionTemplate tx,
      PauseGovernanceView governance) {
    this.vault = vault;
    this.accounts = accounts;
    this.transactions = transactions;
    this.audit = audit;
    this.tx = tx;
    this.governance = governance;
  }

  /**
   * Whether the vault is paused, what the console can do about it, and where each unpause and
   * pauser update stands ({@link PauseGovernanceView}).
   */
  public Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<Credentials> pauser = accounts.pauser();
    out.put("pauserConfigured", pauser.isPresent());
    out.put("pauser", pauser.map(Credentials::getAddress).orElse(null));
    out.put("vault", vault.address());
    out.put("unpauses", governance.of(ProposalKind.UNPAUSE));
    out.put("pauserUpdates", governance.of(ProposalKind.PAUSER_UPDATE));
    try {
      out.put("paused", vault.paused());
    } catch (ChainException e) {
      out.put("paused", null);
      out.put("l1Error", e.getMessage());
      return out;
    }
    try {
      out.put("pauseCount", vault.pauseCount());
      out.put(
          "canVeto", pauser.map(p -> vault.canVeto(Address.fromHex(p.getAddress()))).orElse(false));
    } catch (ChainException e) {
      // A vault without pause counts or vetoes (before the hardening): leave them out.
    }
    return out;
  }

  /**
   * Pauses the vault.
   *
   * @param actor who asked (a principal, or {@code system:watchtower})
   * @param reason why, recorded in the audit log
   * @return the transaction, or a refusal: no pauser key, already paused, L1 refused
   */
  public Outcome<L1Transactions.Sent> pause(String actor, String reason) {
    Optional<Credentials> pauser = accounts.pauser();
    if (pauser.isEmpty()) {
      return Outcome.refused(
          AdminError.UNAVAILABLE, "this console has no pauser key (bridge.admin.pauser)");
    }
    boolean paused;
    try {
      paused = vault.paused();
    } catch (ChainException e) {
      return Outcome.refused(AdminError.CHAIN_UNAVAILABLE, e.getMessage());
    }
    if (paused) {
      return Outcome.refused(AdminError.CONFLICT, "the vault is already paused");
    }
    tx.executeWithoutResult(
        s ->
            audit.record(
                actor,
                "vault.pause.send",
                "vault/" + vault.address(),
                Map.of("reason", reason, "pauser", pauser.get().getAddress())));
    L1Transactions.Sent sent;
    try {
      sent = transactions.send(pauser.get(), vault.address(), Vault.pauseData());
    } catch (ChainException e) {
      tx.executeWithoutResult(
          s ->
              audit.recordRefusal(
                  actor, "vault.pause", "vault/" + vault.address(), e.getMessage()));
      return Outcome.refused(AdminError.CHAIN_UNAVAILABLE, e.getMessage());
    }
    if (!sent.ok()) {
      String why = sent.error().orElseThrow();
      tx.executeWithoutResult(
          s -> audit.recordRefusal(actor, "vault.pause", "vault/" + vault.address(), why));
      return Outcome.refused(
          why.startsWith("AlreadyPaused") ? AdminError.CONFLICT : AdminError.CHAIN_UNAVAILABLE,
          "the vault refused the pause: " + why);
    }
    tx.executeWithoutResult(
        s ->
            audit.record(
                actor,
                "vault.pause",
                "vault/" + vault.address(),
                Map.of("transaction", sent.hash(), "block", sent.block(), "reason", reason)));
    return Outcome.done(sent);
  }
}
