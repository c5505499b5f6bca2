package org.fedbridge.sidechain.rpc.methods;

import java.util.concurrent.CompletableFuture;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.DeferredJsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code eth_sendRawTransaction(data)}: admits a signed transaction to the log and returns its hash
 * once the log holds it; refusals use geth's messages with code -32000.
 */
public final class EthSendRawTransaction implements DeferredJsonRpcMethod {
  private final Chain chain;

  public EthSendRawTransaction(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public CompletableFuture<Object> start(Params params) throws RpcException {
    params.expectAtMost(1);
    byte[] raw = params.data(0);
    Admission.Verdict v = chain.admission().submit(raw);
    if (v instanceof Admission.Verdict.Refused r) {
      throw new RpcException(JsonRpcError.TRANSACTION_REJECTED, r.rejection().message());
    }
    Admission.Verdict.Accepted ok = (Admission.Verdict.Accepted) v;
    String hash = Quantity.data(ok.hash());
    // The hash is answered once the log holds the transaction.
    return ok.appended()
        .handle(
            (offset, failure) -> {
              if (failure != null) {
                throw new java.util.concurrent.CompletionException(
                    new RpcException(JsonRpcError.UNAVAILABLE, JsonRpcError.UNAVAILABLE.message()));
              }
              return hash;
            });
  }
}
