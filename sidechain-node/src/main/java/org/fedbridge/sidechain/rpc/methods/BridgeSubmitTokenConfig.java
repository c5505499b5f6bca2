package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.sidechain.ledger.TokenConfigCertificate;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.DeferredJsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code bridge_submitTokenConfig({certificate, governanceRecord?})}: {@code certificate} is the
 * {@code TOKEN_CONFIG} certificate record exactly as published on {@code bridge.certificates}
 * (bridge-core {@code CertificateRecord}, hex), {@code governanceRecord} admin-api's signed record
 * of that config (bridge-core {@code GovernanceRecord}, hex), which carries the symbol, name and
 * decimals a new token needs. Answers {@code {hash, duplicate}}; a refusal changes nothing.
 */
final class BridgeSubmitTokenConfig implements DeferredJsonRpcMethod {
  private static final Set<String> FIELDS = Set.of("certificate", "governanceRecord");
  private final Chain chain;

  BridgeSubmitTokenConfig(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_SUBMIT_TOKEN_CONFIG;
  }

  @Override
  public CompletableFuture<Object> start(Params params) throws RpcException {
    params.expectAtMost(1);
    JsonNode c = params.required(0);
    if (!c.isObject()) {
      throw RpcException.invalidParams(0, "expected {certificate, governanceRecord?}");
    }
    for (var it = c.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw RpcException.invalidParams(0, "unknown field " + f);
      }
    }
    JsonNode certificate = c.get("certificate");
    if (certificate == null || !certificate.isTextual()) {
      throw RpcException.invalidParams(0, "certificate must be a hex string");
    }
    Result<CertificateRecord> record = CertificateRecord.decode(Params.hexBytes(certificate, 0));
    if (record instanceof Result.Err<CertificateRecord> err) {
      throw RpcException.invalidParams(
          0, "certificate: " + err.reason() + " (" + err.detail() + ")");
    }
    Optional<GovernanceRecord> governance = Optional.empty();
    JsonNode g = c.get("governanceRecord");
    if (g != null && !g.isNull()) {
      if (!g.isTextual()) {
        throw RpcException.invalidParams(0, "governanceRecord must be a hex string");
      }
      Result<GovernanceRecord> r = GovernanceRecord.decode(Params.hexBytes(g, 0));
      if (r instanceof Result.Err<GovernanceRecord> err) {
        throw RpcException.invalidParams(
            0, "governanceRecord: " + err.reason() + " (" + err.detail() + ")");
      }
      governance = Optional.of(r.orThrow());
    }
    TokenConfigCertificate tc;
    try {
      tc = new TokenConfigCertificate(record.orThrow(), governance);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(0, e.getMessage());
    }
    return BridgeSubmitDepositCertificate.answer(chain.admission().submit(tc));
  }
}
