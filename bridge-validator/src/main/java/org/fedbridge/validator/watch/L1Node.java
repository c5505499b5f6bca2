package org.fedbridge.validator.watch;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.types.Bytes32;
import org.web3j.protocol.core.methods.response.Log;

/** What the L1 watcher asks of an Ethereum node. */
interface L1Node {
  L1Header latest() throws NodeException;

  /** The {@code finalized} block; empty if the node has none yet; an RPC error if unsupported. */
  Optional<L1Header> finalized() throws NodeException;

  /** The canonical block at {@code number}, empty if the node does not have it (yet). */
  Optional<L1Header> byNumber(long number) throws NodeException;

  /** The vault's {@code Deposit} logs of the block with this hash (not by number range). */
  List<Log> depositLogs(Bytes32 blockHash) throws NodeException;
}
