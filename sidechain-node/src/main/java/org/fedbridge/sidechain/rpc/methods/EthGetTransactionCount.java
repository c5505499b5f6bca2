package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.ledger.State;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code eth_getTransactionCount(address, block)}: the state's nonce, or with {@code pending} the
 * next nonce after the transactions this node has appended to the log.
 */
public final class EthGetTransactionCount implements JsonRpcMethod {
  private final Chain chain;

  public EthGetTransactionCount(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionCount";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    var address = params.address(0);
    var tag = params.node(1);
    if (tag != null && tag.isTextual() && tag.asText().equals("pending")) {
      return Quantity.of(chain.admission().pendingNonce(address));
    }
    chain.requireLatestState(tag, 1);
    return Quantity.of(State.readOnly(chain.ledger().world()).account(address).nonce());
  }
}
