package org.fedbridge.sidechain.rpc.methods;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_syncing}: false once the replica has read the log to its end. */
final class EthSyncing implements JsonRpcMethod {
  private final Chain chain;

  EthSyncing(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_SYNCING;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    if (chain.replica() == null || chain.replica().isCaughtUp()) {
      return false;
    }
    Map<String, String> s = new LinkedHashMap<>();
    s.put("startingBlock", "0x0");
    s.put("currentBlock", Quantity.of(chain.headNumber()));
    s.put("highestBlock", Quantity.of(chain.headNumber()));
    return s;
  }
}
