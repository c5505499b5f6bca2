package org.fedbridge.admin.reconciliation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.Outcome;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.L1Accounts;
import org.fedbridge.admin.chain.L1Transactions;
import org.fedbridge.admin.chain.Logs;
import org.fedbridge.admin.chain.Sidechain;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.core.types.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.crypto.Credentials;

/**
 * Compares every withdrawal root posted on L1 with the root of that block in the operator's own
 * sidechain replica. SECURITY: a root that does not match is revoked with the pauser key while its
 * challenge window is open (it then pays nothing, ever): the defence against a stolen threshold of
 * key shares certifying withdrawals that were never burned.
 */
@Component
class Watchtower {
  private static final Logger log = LoggerFactory.getLogger(Watchtower.class);
  private final ReconciliationStore store;
  private final Sidechain sidechain;
  private final Vault vault;
  private final L1Accounts accounts;
  private final L1Transactions transactions;
  private final Alarms alarms;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final AdminProperties.Reconciliation settings;

  Watchtower(
      ReconciliationStore store,
      Sidechain sidechain,
      Vault vault,
      L1Accounts accounts,
      L1Transactions transactions,
      Alarms alarms,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      AdminProperties properties) {
    this.store = store;
    this.sidechain = sidechain;
    this.vault = vault;
    this.accounts = accounts;
    this.transactions = transactions;
    this.alarms = alarms;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.settings = properties.reconciliation();
  }

  /** Checks every root not settled yet. */
  void checkRoots() {
    for (ReconciliationStore.Root r : store.roots(List.of("PENDING", "UNVERIFIABLE"), 1000)) {
      Optional<Sidechain.WithdrawalRoot> ours = sidechain.withdrawalRoot(r.batchId());
      if (ours.isEmpty()) {
        long now = Logs.timestamp(vault.web3j(), Logs.head(vault.web3j()));
        if (now >= r.claimableAt() && !r.status().equals("UNVERIFIABLE")) {
          tx.executeWithoutResult(
              s ->
                  store.rootStatus(
                      r.root(),
                      "UNVERIFIABLE",
                      "replica has no block " + r.batchId(),
                      clock.instant()));
          alarms.raise(
              "root-unverifiable",
              r.root(),
              "root of sidechain block "
                  + r.batchId()
                  + " is claimable but this replica does not have that block");
        }
        continue;
      }
      Sidechain.WithdrawalRoot mine = ours.get();
      if (mine.root().toHex().equalsIgnoreCase(r.root()) && mine.count() == r.count()) {
        tx.executeWithoutResult(s -> store.rootStatus(r.root(), "MATCHED", "", clock.instant()));
        continue;
      }
      String detail =
          "L1 root "
              + r.root()
              + " ("
              + r.count()
              + " withdrawals) for sidechain block "
              + r.batchId()
              + ", the replica has "
              + mine.root().toHex()
              + " ("
              + mine.count()
              + ")";
      tx.executeWithoutResult(
          s -> store.rootStatus(r.root(), "MISMATCHED", detail, clock.instant()));
      alarms.raise("root-mismatch", r.root(), detail);
      if (settings.revokeMismatchedRoots()) {
        Outcome<L1Transactions.Sent> revoked =
            revoke(AuditLog.SYSTEM + "watchtower", r.root(), detail);
        if (revoked instanceof Outcome.Refused<L1Transactions.Sent> no) {
          log.error("mismatched root {} NOT revoked: {}", r.root(), no.detail());
        }
      }
    }
  }

  /** Revokes a root with the pauser key (also the PAUSER's manual revocation). */
  Outcome<L1Transactions.Sent> revoke(String actor, String root, String reason) {
    Optional<Credentials> pauser = accounts.pauser();
    if (pauser.isEmpty()) {
      return Outcome.refused(
          AdminError.UNAVAILABLE, "this console has no pauser key (bridge.admin.pauser)");
    }
    L1Transactions.Sent sent;
    try {
      sent =
          transactions.send(
              pauser.get(), vault.address(), Vault.revokeRootData(Bytes32.fromHex(root)));
    } catch (ChainException e) {
      return Outcome.refused(AdminError.CHAIN_UNAVAILABLE, e.getMessage());
    }
    if (!sent.ok()) {
      String why = sent.error().orElseThrow();
      tx.executeWithoutResult(s -> audit.recordRefusal(actor, "root.revoke", "root/" + root, why));
      return Outcome.refused(AdminError.CONFLICT, "the vault refused the revocation: " + why);
    }
    tx.executeWithoutResult(
        s -> {
          store.revoked(root, sent.hash());
          audit.record(
              actor,
              "root.revoke",
              "root/" + root,
              Map.of("transaction", sent.hash(), "block", sent.block(), "reason", reason));
        });
    log.warn("root {} revoked by {} in {}", root, actor, sent.hash());
    return Outcome.done(sent);
  }
}
