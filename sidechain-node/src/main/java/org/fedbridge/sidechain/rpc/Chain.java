package org.fedbridge.sidechain.rpc;

import java.util.function.Supplier;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.ledger.HistoricalStateUnavailable;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.StateReader;
import org.fedbridge.sidechain.replication.Replica;
import org.fedbridge.sidechain.rpc.subscriptions.FilterRegistry;
import org.fedbridge.sidechain.store.ChainQueries;

/**
 * What the JSON-RPC methods read from and write to.
 *
 * @param replica {@code null} when no replica runs in this process (tests)
 * @param filters the filters installed over HTTP
 */
public record Chain(
    Supplier<Ledger> ledgerSupplier,
    Replica replica,
    ChainQueries queries,
    Admission admission,
    FilterRegistry filters) {

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

  /**
   * The state at the selected block: the latest, or one of the history window (a block beyond it is
   * the {@code historical state not available} error).
   */
  public StateReader state(BlockSelector selector) throws RpcException {
    Ledger l = ledger();
    long n = resolve(selector);
    if (n >= l.head().number()) {
      return l.state();
    }
    return l.stateAt(n).orElseThrow(() -> historicalStateUnavailable(l));
  }

  /** Reads the selected block's state, answering a block that left the window meanwhile. */
  public <T> T read(BlockSelector selector, StateRead<T> read) throws RpcException {
    try {
      return read.apply(state(selector));
    } catch (HistoricalStateUnavailable e) {
      throw historicalStateUnavailable(ledger());
    }
  }

  /** A read of one block's state. */
  public interface StateRead<T> {
    T apply(StateReader state) throws RpcException;
  }

  private static RpcException historicalStateUnavailable(Ledger l) {
    String kept =
        l.historyBlocks() == 0
            ? "the state of the latest block only"
            : "the state of the latest block and the "
                + l.historyBlocks()
                + " before it (now blocks "
                + l.oldestReadableBlock()
                + " to "
                + l.head().number()
                + ")";
    return new RpcException(
        JsonRpcError.HISTORICAL_STATE, "historical state not available: this node keeps " + kept);
  }
}
