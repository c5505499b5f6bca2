package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.replication.Replica;
import org.fedbridge.sidechain.store.BlockStore;

/** What the JSON-RPC methods read from and write to. */
public record Chain(
    Supplier<Ledger> ledgerSupplier, Replica replica, BlockStore store, Admission admission) {

  public Ledger ledger() {
    return ledgerSupplier.get();
  }

  public long headNumber() {
    return ledger().head().number();
  }

  /**
   * A block tag ({@code latest}, {@code pending}, {@code safe}, {@code finalized}, {@code
   * earliest}), a hex number, or an EIP-1898 object; {@code null} means latest. Blocks are final
   * once stored, so {@code safe} and {@code finalized} are the head.
   */
  public long blockNumber(JsonNode tag, int index) throws RpcException {
    long head = headNumber();
    if (tag == null || tag.isNull()) {
      return head;
    }
    if (tag.isObject()) {
      if (tag.has("blockHash")) {
        byte[] hash = Params.hexBytes(tag.get("blockHash"), index);
        return store
            .block(hash)
            .map(h -> h.header().number())
            .orElseThrow(
                () -> new RpcException(JsonRpcError.NOT_FOUND, "header for hash not found"));
      }
      return blockNumber(tag.get("blockNumber"), index);
    }
    if (!tag.isTextual()) {
      throw RpcException.invalidParams(index, "expected a block number or tag");
    }
    return switch (tag.asText()) {
      case "latest", "pending", "safe", "finalized" -> head;
      case "earliest" -> 0;
      default -> {
        java.math.BigInteger n = Params.quantity(tag, index);
        if (n.bitLength() > 62) {
          throw RpcException.invalidParams(index, "block number too large");
        }
        yield n.longValue();
      }
    };
  }

  /** For state reads: only the latest state is kept. */
  public void requireLatestState(JsonNode tag, int index) throws RpcException {
    long n = blockNumber(tag, index);
    if (n < headNumber()) {
      throw new RpcException(
          JsonRpcError.HISTORICAL_STATE,
          "historical state not available: this node keeps the state of the latest block only");
    }
  }
}
