package org.fedbridge.sidechain.rpc;

import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.ledger.LogEntry;

/**
 * The filter object of {@code eth_getLogs} (and of log filters and subscriptions): a block range or
 * one block's hash, emitting addresses (empty: any), and per topic position the accepted values
 * (empty: any).
 *
 * @param blockHash one block, or {@code null} for the range {@code [from, to]}
 */
public record LogFilter(
    BlockSelector from,
    BlockSelector to,
    Bytes32 blockHash,
    List<Address> addresses,
    List<List<Bytes32>> topics) {
  public LogFilter {
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
  }

  /** Whether {@code log} matches the addresses and topics (the block range is the caller's). */
  public boolean matches(LogEntry log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      List<Bytes32> options = topics.get(i);
      if (options.isEmpty()) {
        continue;
      }
      if (i >= log.topics().size() || !options.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }
}
