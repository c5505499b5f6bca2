package org.fedbridge.sidechain.rpc.methods;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code bridge_getWithdrawalRoot(block)}: a block's withdrawal batch, {@code {blockNumber,
 * blockHash, withdrawalRoot, withdrawalCount, withdrawals: [{nonce, l1Token, sender, l1Recipient,
 * amount, leaf}]}}; the root is {@code bytes32(0)} and the list empty for a block without any. The
 * {@code WithdrawalBatch} the validators sign is {@code (batchId = blockNumber, withdrawalRoot,
 * withdrawalCount)}.
 */
final class BridgeGetWithdrawalRoot implements JsonRpcMethod {
  private final Chain chain;

  BridgeGetWithdrawalRoot(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_GET_WITHDRAWAL_ROOT;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    long n = chain.resolve(Params.block(params.required(0), 0));
    var block =
        chain
            .queries()
            .block(n)
            .orElseThrow(() -> new RpcException(JsonRpcError.NOT_FOUND, "block not found"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("blockNumber", n);
    m.put("blockHash", Quantity.data(block.hash()));
    m.put("withdrawalRoot", Quantity.data(block.header().withdrawalRoot()));
    m.put("withdrawalCount", block.header().withdrawalCount());
    m.put(
        "withdrawals",
        chain.queries().withdrawalsOf(n).stream()
            .map(w -> JsonViews.withdrawal(w.withdrawal()))
            .toList());
    return m;
  }
}
