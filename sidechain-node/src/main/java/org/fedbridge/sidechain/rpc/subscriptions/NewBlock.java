package org.fedbridge.sidechain.rpc.subscriptions;

import java.util.ArrayList;
import java.util.List;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.LogEntry;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.store.StoredLog;

/**
 * A stored block as subscribers and filters see it: its header and its logs with their positions,
 * each already written as JSON once, however many subscribers receive it.
 *
 * @param headerJson the {@code newHeads} result
 * @param logs the block's logs in chain order
 */
public record NewBlock(Block block, String headerJson, List<Log> logs) {

  /** A log, its position, and its JSON (the {@code logs} subscription result). */
  public record Log(StoredLog stored, String json) {}

  public NewBlock {
    logs = List.copyOf(logs);
  }

  public long number() {
    return block.number();
  }

  static NewBlock of(Block b) {
    List<Log> logs = new ArrayList<>();
    int logIndex = 0;
    for (ExecutedTransaction e : b.transactions()) {
      for (LogEntry l : e.receipt().logs()) {
        StoredLog stored =
            new StoredLog(b.number(), b.hash(), logIndex++, e.tx().hash(), e.index(), l);
        logs.add(new Log(stored, JsonViews.log(stored).toString()));
      }
    }
    return new NewBlock(b, JsonViews.header(b.header(), b.hash()).toString(), logs);
  }
}
