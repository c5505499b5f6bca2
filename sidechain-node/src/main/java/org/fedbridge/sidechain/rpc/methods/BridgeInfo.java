package org.fedbridge.sidechain.rpc.methods;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.ledger.BridgeContract;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code bridge_info}: chain ids, vault, the bridge system address, the gas price, the token
 * address derivation prefix and the latest block's withdrawal nonce counter.
 */
final class BridgeInfo implements JsonRpcMethod {
  private final Chain chain;

  BridgeInfo(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_INFO;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    var g = chain.ledger().genesis();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("chainId", g.chainId());
    m.put("l1ChainId", g.l1ChainId());
    m.put("vault", g.vault().toHex());
    m.put("bridgeAddress", BridgeContract.ADDRESS.toHex());
    m.put("gasPrice", Quantity.of(g.gasPrice()));
    m.put("tokenAddressPrefix", TokenAddresses.PREFIX);
    m.put(
        "genesisBlockHash",
        chain.queries().block(0).map(h -> Quantity.data(h.hash())).orElse(null));
    g.ethMaxWithdrawal().ifPresent(max -> m.put("ethMaxWithdrawal", max.toString()));
    return m;
  }
}
