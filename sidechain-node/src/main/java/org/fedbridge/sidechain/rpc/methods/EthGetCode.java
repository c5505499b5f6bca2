package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_getCode(address, block)}. There is no EVM: token and bridge addresses answer with the
 * one-byte placeholder {@code 0xfe} (INVALID) so that clients treat them as contracts; every other
 * address has no code.
 */
final class EthGetCode implements JsonRpcMethod {
  public static final String PLACEHOLDER = "0xfe";

  private final Chain chain;

  EthGetCode(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_CODE;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    var address = params.address(0);
    // Code never changes here (the tokens are fixed at genesis): any stored block answers alike.
    chain.resolve(params.block(1));
    return chain.ledger().state().isContract(address) ? PLACEHOLDER : "0x";
  }
}
