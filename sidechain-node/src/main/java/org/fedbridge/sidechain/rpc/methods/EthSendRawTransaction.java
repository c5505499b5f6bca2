package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code eth_sendRawTransaction(data)}: admits a signed transaction to the log and returns its hash
 * once the log holds it; refusals use geth's messages with code -32000.
 */
public final class EthSendRawTransaction implements JsonRpcMethod {
  private final Chain chain;

  public EthSendRawTransaction(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    byte[] raw = params.data(0);
    Admission.Verdict v = chain.admission().submit(raw);
    if (v instanceof Admission.Verdict.Refused r) {
      throw new RpcException(JsonRpcError.TRANSACTION_REJECTED, r.rejection().message());
    }
    Admission.Verdict.Accepted ok = (Admission.Verdict.Accepted) v;
    String failed = Admission.awaitAppended(ok.appended());
    if (failed != null) {
      throw new RpcException(JsonRpcError.UNAVAILABLE, failed);
    }
    return Quantity.data(ok.hash());
  }
}
