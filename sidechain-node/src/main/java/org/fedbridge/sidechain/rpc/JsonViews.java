package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.ledger.BlockHeader;
import org.fedbridge.sidechain.ledger.BlockTransaction;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.Receipt;
import org.fedbridge.sidechain.store.StoredLog;
import org.fedbridge.sidechain.store.StoredTransaction;
import org.fedbridge.sidechain.tx.SignedTransaction;

/** Blocks, transactions, receipts and logs in the shapes Ethereum clients parse. */
public final class JsonViews {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String EMPTY_UNCLES =
      "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
  private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
  private static final String ZERO_HASH =
      "0x0000000000000000000000000000000000000000000000000000000000000000";

  private JsonViews() {}

  public static ObjectNode block(
      BlockHeader h, Bytes32 hash, List<StoredTransaction> txs, boolean full) {
    ObjectNode o = header(h, hash);
    ArrayNode list = o.putArray("transactions");
    for (StoredTransaction t : txs) {
      if (full) {
        list.add(
            transaction(t.executed().tx(), h.number(), hash, t.executed().index(), h.baseFee()));
      } else {
        list.add(Quantity.data(t.executed().tx().hash()));
      }
    }
    o.putArray("uncles");
    return o;
  }

  /** A block's header fields: what {@code newHeads} subscribers get (no transactions, as geth). */
  public static ObjectNode header(BlockHeader h, Bytes32 hash) {
    ObjectNode o = F.objectNode();
    o.put("number", Quantity.of(h.number()));
    o.put("hash", Quantity.data(hash));
    o.put("parentHash", Quantity.data(h.parentHash()));
    o.put("nonce", "0x0000000000000000");
    o.put("sha3Uncles", EMPTY_UNCLES);
    o.put("logsBloom", Quantity.data(h.logsBloom()));
    o.put("transactionsRoot", Quantity.data(h.transactionsRoot()));
    o.put("stateRoot", Quantity.data(h.stateRoot()));
    o.put("receiptsRoot", Quantity.data(h.receiptsRoot()));
    o.put("miner", ZERO_ADDRESS);
    o.put("difficulty", "0x0");
    o.put("totalDifficulty", "0x0");
    o.put("extraData", "0x");
    o.put("size", Quantity.of(500 + 110L * h.transactionCount()));
    o.put("gasLimit", Quantity.of(h.gasLimit()));
    o.put("gasUsed", Quantity.of(h.gasUsed()));
    o.put("timestamp", Quantity.of(h.timestamp()));
    o.put("baseFeePerGas", Quantity.of(h.baseFee()));
    o.put("mixHash", ZERO_HASH);
    o.put("bridgeWithdrawalRoot", Quantity.data(h.withdrawalRoot()));
    o.put("bridgeWithdrawalCount", Quantity.of(h.withdrawalCount()));
    return o;
  }

  public static ObjectNode transaction(
      BlockTransaction t, Long blockNumber, Bytes32 blockHash, Integer index, UInt256 baseFee) {
    ObjectNode o = F.objectNode();
    o.put("blockHash", blockHash == null ? null : Quantity.data(blockHash));
    o.put("blockNumber", blockNumber == null ? null : Quantity.of(blockNumber));
    o.put("from", t.from().toHex());
    o.put("gas", Quantity.of(t.gasLimit()));
    java.math.BigInteger price =
        t.type() == 2 && baseFee != null
            ? baseFee.value().add(t.maxPriorityFeePerGas().value()).min(t.maxFeePerGas().value())
            : t.maxFeePerGas().value();
    o.put("gasPrice", Quantity.of(price));
    if (t.type() == 2) {
      o.put("maxFeePerGas", Quantity.of(t.maxFeePerGas()));
      o.put("maxPriorityFeePerGas", Quantity.of(t.maxPriorityFeePerGas()));
      o.putArray("accessList");
    }
    o.put("hash", Quantity.data(t.hash()));
    o.put("input", Quantity.data(t.input()));
    o.put("nonce", Quantity.of(t.nonce()));
    o.put("to", t.to() == null ? null : t.to().toHex());
    o.put("transactionIndex", index == null ? null : Quantity.of(index));
    o.put("value", Quantity.of(t.value()));
    o.put("type", Quantity.of(t.type()));
    o.put("chainId", Quantity.of(t.chainId()));
    o.put("v", Quantity.of(t.v()));
    if (t.type() == 2) {
      o.put("yParity", Quantity.of(t.v()));
    }
    o.put("r", Quantity.of(t.r()));
    o.put("s", Quantity.of(t.s()));
    return o;
  }

  public static ObjectNode pendingTransaction(SignedTransaction tx) {
    return transaction(BlockTransaction.of(tx), null, null, null, null);
  }

  public static ObjectNode receipt(StoredTransaction st) {
    ExecutedTransaction e = st.executed();
    BlockTransaction t = e.tx();
    Receipt r = e.receipt();
    ObjectNode o = F.objectNode();
    o.put("transactionHash", Quantity.data(t.hash()));
    o.put("transactionIndex", Quantity.of(e.index()));
    o.put("blockHash", Quantity.data(st.blockHash()));
    o.put("blockNumber", Quantity.of(st.blockNumber()));
    o.put("from", t.from().toHex());
    o.put("to", t.to() == null ? null : t.to().toHex());
    o.put("cumulativeGasUsed", Quantity.of(r.cumulativeGasUsed()));
    o.put("gasUsed", Quantity.of(r.gasUsed()));
    o.putNull("contractAddress");
    ArrayNode logs = o.putArray("logs");
    for (StoredLog l : st.logs()) {
      logs.add(log(l));
    }
    o.put("logsBloom", Quantity.data(r.logsBloom()));
    o.put("status", r.success() ? "0x1" : "0x0");
    o.put("effectiveGasPrice", Quantity.of(r.effectiveGasPrice()));
    o.put("type", Quantity.of(t.type()));
    return o;
  }

  public static ObjectNode log(StoredLog l) {
    ObjectNode o = F.objectNode();
    o.put("address", l.log().address().toHex());
    ArrayNode topics = o.putArray("topics");
    for (Bytes32 t : l.log().topics()) {
      topics.add(t.toHex());
    }
    o.put("data", Quantity.data(l.log().data()));
    o.put("blockNumber", Quantity.of(l.blockNumber()));
    o.put("transactionHash", Quantity.data(l.txHash()));
    o.put("transactionIndex", Quantity.of(l.txIndex()));
    o.put("blockHash", Quantity.data(l.blockHash()));
    o.put("logIndex", Quantity.of(l.logIndex()));
    o.put("removed", false);
    return o;
  }

  public static ObjectNode withdrawal(Withdrawal w) {
    ObjectNode o = F.objectNode();
    o.put("nonce", w.nonce().value().toString());
    o.put("l1Token", w.l1Token().toHex());
    o.put("sender", w.sender().toHex());
    o.put("l1Recipient", w.l1Recipient().toHex());
    o.put("amount", w.amount().value().toString());
    o.put("leaf", w.leaf().toHex());
    return o;
  }
}
