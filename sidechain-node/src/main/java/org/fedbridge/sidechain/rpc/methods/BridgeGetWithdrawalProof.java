package org.fedbridge.sidechain.rpc.methods;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.core.merkle.MerkleProof;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code bridge_getWithdrawalProof(nonce)}: the Merkle proof of one withdrawal against its block's
 * withdrawal root (docs/encoding.md tree): {@code {withdrawal, blockNumber, blockHash,
 * withdrawalRoot, withdrawalCount, leafIndex, proof: [bytes32…]}}.
 */
final class BridgeGetWithdrawalProof implements JsonRpcMethod {
  private final Chain chain;

  BridgeGetWithdrawalProof(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_GET_WITHDRAWAL_PROOF;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    var nonce = Params.number(params.required(0), "nonce");
    var w =
        chain
            .queries()
            .withdrawal(nonce)
            .orElseThrow(
                () -> new RpcException(JsonRpcError.NOT_FOUND, "unknown withdrawal nonce"));
    var block = chain.queries().block(w.blockNumber()).orElseThrow();
    var all = chain.queries().withdrawalsOf(w.blockNumber());
    MerkleTree tree = MerkleTree.of(all.stream().map(x -> x.withdrawal().leaf()).toList());
    MerkleProof proof = tree.proof(w.leafIndex());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("withdrawal", JsonViews.withdrawal(w.withdrawal()));
    m.put("blockNumber", w.blockNumber());
    m.put("blockHash", Quantity.data(block.hash()));
    m.put("withdrawalRoot", Quantity.data(block.header().withdrawalRoot()));
    m.put("withdrawalCount", block.header().withdrawalCount());
    m.put("leafIndex", w.leafIndex());
    m.put("proof", proof.siblings().stream().map(Bytes32::toHex).toList());
    return m;
  }
}
