package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.ledger.Certificates;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code bridge_submitDepositCertificate(certificate)} with {@code {epoch, batchId, deposits:
 * [{nonce, token, sender, recipient, amount}], signature}} (numbers as decimal or 0x strings,
 * signature as 48-byte compressed or 128-byte EIP-2537 G1). Checked against the current epoch and
 * appended to the log; answers {@code {hash, duplicate}}. A certificate whose deposits are all
 * minted already is a no-op ({@code duplicate: true}, nothing appended).
 */
public final class BridgeSubmitDepositCertificate implements JsonRpcMethod {
  private final Chain chain;

  public BridgeSubmitDepositCertificate(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "bridge_submitDepositCertificate";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    return answer(chain.admission().submit(parse(params.required(0))));
  }

  static Certificates.DepositCertificate parse(JsonNode c) throws RpcException {
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
              new UInt256(Params.number(d.get("nonce"), "nonce")),
              Params.address(d.get("token"), 0),
              Params.address(d.get("sender"), 0),
              Params.address(d.get("recipient"), 0),
              new UInt256(Params.number(d.get("amount"), "amount"))));
    }
    var epoch = Params.number(c.get("epoch"), "epoch");
    if (epoch.bitLength() > 62) {
      throw RpcException.invalidParams(0, "epoch too large");
    }
    return new Certificates.DepositCertificate(
        epoch.longValue(),
        Params.number(c.get("batchId"), "batchId"),
        deposits,
        CertificateCodec.signature(c.get("signature")));
  }

  static Object answer(Admission.CertificateVerdict v) throws RpcException {
    if (v instanceof Admission.CertificateVerdict.Refused r) {
      throw new RpcException(
          JsonRpcError.CERTIFICATE_REJECTED, "certificate refused: " + r.reason());
    }
    var ok = (Admission.CertificateVerdict.Accepted) v;
    String failed = Admission.awaitAppended(ok.appended());
    if (failed != null) {
      throw new RpcException(JsonRpcError.UNAVAILABLE, failed);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hash", Quantity.data(ok.hash()));
    m.put("duplicate", ok.duplicate());
    return m;
  }
}
