package org.fedbridge.sidechain.rpc.methods;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.DeferredJsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_sendRawTransaction(data)}: admits a signed transaction to the log and returns its hash
 * once the log holds it; refusals use geth's messages with code -32000.
 */
final class EthSendRawTransaction implements DeferredJsonRpcMethod {
  private final Chain chain;

  EthSendRawTransaction(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_SEND_RAW_TRANSACTION;
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
    String hash = ok.hash().toHex();
    // The hash is answered once the log holds the transaction.
    return ok.appended().handle((offset, failure) -> answer(hash, failure));
  }

  /** The result once the log answered, or the error if it did not take the record. */
  static Object answer(Object result, Throwable failure) {
    if (failure != null) {
      throw new CompletionException(
          new RpcException(JsonRpcError.UNAVAILABLE, JsonRpcError.UNAVAILABLE.message()));
    }
    return result;
  }
}
