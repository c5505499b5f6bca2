package org.fedbridge.sidechain.rpc.methods;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.ledger.TokenEntry;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code bridge_tokens}: the token registry of the latest block, genesis tokens first, then those
 * registered since in order, {@code [{l1Token, sidechainToken, symbol, name, decimals,
 * maxWithdrawal?, registered, governanceNonce?}]} ({@code maxWithdrawal} when the genesis or a
 * certified config sets one; {@code governanceNonce} of the last certified config applied). ETH
 * ({@code address(0)} on L1) is the native asset and is not listed.
 */
final class BridgeTokens implements JsonRpcMethod {
  private final Chain chain;

  BridgeTokens(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_TOKENS;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (TokenEntry e : chain.ledger().state().tokens()) {
      Token t = e.token();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("l1Token", t.l1Token().toHex());
      m.put("sidechainToken", t.address().toHex());
      m.put("symbol", t.symbol());
      m.put("name", t.name());
      m.put("decimals", t.decimals());
      t.maxWithdrawal().ifPresent(max -> m.put("maxWithdrawal", max.toString()));
      m.put("registered", e.registered());
      e.governanceNonce().ifPresent(n -> m.put("governanceNonce", n.toString()));
      out.add(m);
    }
    return out;
  }
}
