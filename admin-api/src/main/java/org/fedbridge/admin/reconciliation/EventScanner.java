package org.fedbridge.admin.reconciliation;

import java.util.List;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.chain.Logs;
import org.fedbridge.admin.chain.Sidechain;
import org.fedbridge.admin.chain.Vault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Scans the vault's logs on L1 (up to the head minus the configured confirmations) and the bridge's
 * logs on the sidechain replica into the reconciliation tables, in chunks, each chunk and its
 * cursor in one transaction.
 */
@Component
class EventScanner {
  static final long CHUNK = 2_000;
  private final Vault vault;
  private final Sidechain sidechain;
  private final ReconciliationStore store;
  private final TransactionTemplate tx;
  private final AdminProperties properties;

  EventScanner(
      Vault vault,
      Sidechain sidechain,
      ReconciliationStore store,
      TransactionTemplate tx,
      AdminProperties properties) {
    this.vault = vault;
    this.sidechain = sidechain;
    this.store = store;
    this.tx = tx;
    this.properties = properties;
  }

  /** Scans L1 up to its safe end; returns the last block scanned. */
  long scanL1() {
    long end = Logs.head(vault.web3j()) - properties.l1().confirmations();
    long next = store.cursor("l1").orElse(properties.l1().fromBlock());
    while (next <= end) {
      long to = Math.min(end, next + CHUNK - 1);
      List<Log> logs = Logs.of(vault.web3j(), vault.address(), next, to);
      long cursor = to + 1;
      tx.executeWithoutResult(
          s -> {
            for (Log log : logs) {
              l1(log);
            }
            store.cursor("l1", cursor);
          });
      next = cursor;
    }
    return next - 1;
  }

  /** Scans the sidechain up to its head; returns the head it reached. */
  long scanSidechain() {
    long end = sidechain.blockNumber();
    long next = store.cursor("sidechain").orElse(0L);
    while (next <= end) {
      long to = Math.min(end, next + CHUNK - 1);
      List<Log> logs = Logs.of(sidechain.web3j(), Sidechain.BRIDGE, next, to);
      long cursor = to + 1;
      tx.executeWithoutResult(
          s -> {
            for (Log log : logs) {
              String t = ChainEvents.topic0(log);
              if (t.equals(ChainEvents.MINTED)) {
                ChainEvents.transfer(log, false).ifPresent(store::mint);
              } else if (t.equals(ChainEvents.BURNED)) {
                ChainEvents.transfer(log, true).ifPresent(store::burn);
              }
            }
            store.cursor("sidechain", cursor);
          });
      next = cursor;
    }
    return end;
  }

  private void l1(Log log) {
    String t = ChainEvents.topic0(log);
    if (t.equals(ChainEvents.DEPOSIT)) {
      ChainEvents.transfer(log, true).ifPresent(store::deposit);
    } else if (t.equals(ChainEvents.PAID)) {
      ChainEvents.transfer(log, false).ifPresent(p -> store.payout(p, "paid"));
    } else if (t.equals(ChainEvents.DEFERRED)) {
      ChainEvents.transfer(log, false).ifPresent(p -> store.payout(p, "deferred"));
    } else if (t.equals(ChainEvents.OWED_WITHDRAWN)) {
      ChainEvents.owedWithdrawn(log).ifPresent(store::owedWithdrawn);
    } else if (t.equals(ChainEvents.ROOT_POSTED) || t.equals(ChainEvents.ROOT_POSTED_V1)) {
      long postedAt = Logs.timestamp(vault.web3j(), log.getBlockNumber().longValueExact());
      ChainEvents.rootPosted(log, postedAt).ifPresent(store::root);
    } else if (t.equals(ChainEvents.REVOKED_BY_PAUSER)
        || t.equals(ChainEvents.REVOKED_BY_CERTIFICATE)) {
      store.revoked(ChainEvents.revokedRoot(log), null);
    }
  }
}
