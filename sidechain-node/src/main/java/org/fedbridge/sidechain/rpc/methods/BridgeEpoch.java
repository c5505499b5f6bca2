package org.fedbridge.sidechain.rpc.methods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.genesis.Epoch;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code bridge_epoch}: the current federation (number, group key, threshold, members). */
final class BridgeEpoch implements JsonRpcMethod {
  private final Chain chain;

  BridgeEpoch(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_EPOCH;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    Epoch e = chain.ledger().state().epoch();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", e.number());
    m.put("groupPublicKey", Hex.encode(e.groupKey().toCompressed()));
    m.put("threshold", e.members().threshold());
    m.put("membersHash", e.members().membersHash().toHex());
    List<Map<String, Object>> ms = new ArrayList<>();
    for (Member mem : e.members().members()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("index", mem.index());
      x.put("operatorId", mem.operatorId());
      x.put("sharePublicKey", Hex.encode(mem.sharePk().toCompressed()));
      ms.add(x);
    }
    m.put("members", ms);
    return m;
  }
}
