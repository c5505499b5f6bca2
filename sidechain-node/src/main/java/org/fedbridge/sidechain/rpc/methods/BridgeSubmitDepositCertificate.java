package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.ledger.DepositCertificate;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.DeferredJsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code bridge_submitDepositCertificate(certificate)} with {@code {epoch, batchId, deposits:
 * [{nonce, token, sender, recipient, amount}], signature}} (numbers as decimal or 0x strings,
 * signature as 48-byte compressed or 128-byte EIP-2537 G1). Checked against the current epoch and
 * appended to the log; answers {@code {hash, duplicate}}. A certificate whose deposits are all
 * minted already is a no-op ({@code duplicate: true}, nothing appended).
 */
final class BridgeSubmitDepositCertificate implements DeferredJsonRpcMethod {
  private final Chain chain;

  BridgeSubmitDepositCertificate(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_SUBMIT_DEPOSIT_CERTIFICATE;
  }

  @Override
  public CompletableFuture<Object> start(Params params) throws RpcException {
    params.expectAtMost(1);
    return answer(chain.admission().submit(parse(params.required(0))));
  }

  static DepositCertificate parse(JsonNode c) throws RpcException {
    if (!c.isObject()) {
      throw RpcException.invalidParams(0, "expected a certificate object");
    }
    JsonNode ds = c.get("deposits");
    if (ds == null || !ds.isArray()) {
      throw RpcException.invalidParams(0, "deposits must be an array");
    }
    List<Deposit> deposits = new ArrayList<>();
    for (JsonNode d : ds) {
      deposits.add(
          new Deposit(
              Params.number(d.get("nonce"), "nonce"),
              Params.address(d.get("token"), 0),
              Params.address(d.get("sender"), 0),
              Params.address(d.get("recipient"), 0),
              Params.number(d.get("amount"), "amount")));
    }
    var epoch = Params.number(c.get("epoch"), "epoch");
    if (epoch.value().bitLength() > 62) {
      throw RpcException.invalidParams(0, "epoch too large");
    }
    return new DepositCertificate(
        epoch.value().longValue(),
        Params.number(c.get("batchId"), "batchId"),
        deposits,
        CertificateParams.signature(c.get("signature")));
  }

  /** {@code {hash, duplicate}} once the log holds the record, or the refusal. */
  static CompletableFuture<Object> answer(Admission.CertificateVerdict v) throws RpcException {
    if (v instanceof Admission.CertificateVerdict.Refused r) {
      throw new RpcException(
          JsonRpcError.CERTIFICATE_REJECTED, "certificate refused: " + r.rejection().message());
    }
    var ok = (Admission.CertificateVerdict.Accepted) v;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hash", ok.hash().toHex());
    m.put("duplicate", ok.duplicate());
    return ok.appended().handle((offset, failure) -> EthSendRawTransaction.answer(m, failure));
  }
}
