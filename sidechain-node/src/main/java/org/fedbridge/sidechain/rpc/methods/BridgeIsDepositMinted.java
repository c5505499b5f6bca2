package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code bridge_isDepositMinted(nonce)}: whether the L1 deposit with this nonce was minted. */
final class BridgeIsDepositMinted implements JsonRpcMethod {
  private final Chain chain;

  BridgeIsDepositMinted(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_IS_DEPOSIT_MINTED;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    var nonce = Params.number(params.required(0), "nonce");
    return chain.ledger().state().depositMinted(nonce);
  }
}
