package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_getTransactionCount(address, block)}: the state's nonce, or with {@code pending} the
 * next nonce after the transactions this node has appended to the log.
 */
final class EthGetTransactionCount implements JsonRpcMethod {
  private final Chain chain;

  EthGetTransactionCount(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_COUNT;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    var address = params.address(0);
    var block = params.block(1);
    if (block.isPending()) {
      return Quantity.of(chain.admission().pendingNonce(address));
    }
    return chain.read(block, s -> Quantity.of(s.nonce(address)));
  }
}
