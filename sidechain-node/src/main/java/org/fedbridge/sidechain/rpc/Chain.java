package org.fedbridge.sidechain.rpc;

import java.util.function.Supplier;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.StateReader;
import org.fedbridge.sidechain.replication.Replica;
import org.fedbridge.sidechain.store.ChainQueries;

/**
 * What the JSON-RPC methods read from and write to.
 *
 * @param replica {@code null} when no replica runs in this process (tests)
 */
public record Chain(
    Supplier<Ledger> ledgerSupplier, Replica replica, ChainQueries queries, Admission admission) {

  public Ledger ledger() {
    return ledgerSupplier.get();
  }

  public long headNumber() {
    return ledger().head().number();
  }

  /** The block number a selector means (a hash must name a stored block). */
  public long resolve(BlockSelector selector) throws RpcException {
    if (selector instanceof BlockSelector.Number n) {
      return n.number();
    }
    if (selector instanceof BlockSelector.Earliest) {
      return 0;
    }
    if (selector instanceof BlockSelector.Hash h) {
      return queries
          .block(h.hash())
          .map(b -> b.header().number())
          .orElseThrow(() -> new RpcException(JsonRpcError.NOT_FOUND, "header for hash not found"));
    }
    return headNumber();
  }

  /** The state at the selected block; this node keeps only the latest. */
  public StateReader state(BlockSelector selector) throws RpcException {
    Ledger l = ledger();
    if (resolve(selector) < l.head().number()) {
      throw new RpcException(
          JsonRpcError.HISTORICAL_STATE,
          "historical state not available: this node keeps the state of the latest block only");
    }
    return l.state();
  }
}
