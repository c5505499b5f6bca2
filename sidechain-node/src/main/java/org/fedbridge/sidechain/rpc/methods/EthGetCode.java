package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code eth_getCode(address, block)}. There is no EVM: token and bridge addresses answer with the
 * one-byte placeholder {@code 0xfe} (INVALID) so that clients treat them as contracts; every other
 * address has no code.
 */
public final class EthGetCode implements JsonRpcMethod {
  public static final String PLACEHOLDER = "0xfe";

  private final Chain chain;

  public EthGetCode(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getCode";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    var address = params.address(0);
    chain.blockNumber(params.node(1), 1);
    return chain.ledger().executor().isContract(address) ? PLACEHOLDER : "0x";
  }
}
