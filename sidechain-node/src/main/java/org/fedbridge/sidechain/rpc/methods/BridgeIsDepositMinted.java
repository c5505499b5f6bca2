package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.ledger.State;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code bridge_isDepositMinted(nonce)}: whether the L1 deposit with this nonce was minted. */
public final class BridgeIsDepositMinted implements JsonRpcMethod {
  private final Chain chain;

  public BridgeIsDepositMinted(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "bridge_isDepositMinted";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    var nonce = Params.number(params.required(0), "nonce");
    return State.readOnly(chain.ledger().world()).depositMinted(nonce);
  }
}
