package org.fedbridge.sidechain.rpc;

import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;

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
}
