package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Result;
import org.fedbridge.sidechain.ledger.EpochCertificate;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.DeferredJsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code bridge_submitEpochChange(certificate)} with {@code {epoch, newEpoch, groupPublicKey,
 * threshold, members: [{index, operatorId, sharePublicKey}], signature}}: the current epoch's
 * certificate over {@code EpochChange(newEpoch = epoch + 1, …)}; answers {@code {hash, duplicate}}.
 */
final class BridgeSubmitEpochChange implements DeferredJsonRpcMethod {
  private final Chain chain;

  BridgeSubmitEpochChange(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.BRIDGE_SUBMIT_EPOCH_CHANGE;
  }

  @Override
  public CompletableFuture<Object> start(Params params) throws RpcException {
    params.expectAtMost(1);
    JsonNode c = params.required(0);
    if (!c.isObject()) {
      throw RpcException.invalidParams(0, "expected a certificate object");
    }
    JsonNode ms = c.get("members");
    if (ms == null || !ms.isArray()) {
      throw RpcException.invalidParams(0, "members must be an array");
    }
    List<Member> members = new ArrayList<>();
    for (JsonNode m : ms) {
      JsonNode index = m.get("index");
      JsonNode op = m.get("operatorId");
      if (index == null || !index.canConvertToInt() || op == null || !op.isTextual()) {
        throw RpcException.invalidParams(0, "member needs index and operatorId");
      }
      try {
        members.add(
            new Member(
                index.asInt(),
                op.asText(),
                CertificateParams.g2(m.get("sharePublicKey"), "sharePublicKey")));
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams(0, e.getMessage());
      }
    }
    JsonNode t = c.get("threshold");
    if (t == null || !t.canConvertToInt()) {
      throw RpcException.invalidParams(0, "threshold must be an integer");
    }
    Result<MemberSet> set = MemberSet.of(members, t.asInt());
    if (!set.isOk()) {
      throw RpcException.invalidParams(0, "member set refused: " + set.rejection());
    }
    var epoch = Params.number(c.get("epoch"), "epoch");
    var newEpoch = Params.number(c.get("newEpoch"), "newEpoch");
    if (epoch.value().bitLength() > 62 || newEpoch.value().bitLength() > 62) {
      throw RpcException.invalidParams(0, "epoch too large");
    }
    var cert =
        new EpochCertificate(
            epoch.value().longValue(),
            newEpoch.value().longValue(),
            CertificateParams.g2(c.get("groupPublicKey"), "groupPublicKey"),
            set.orThrow(),
            CertificateParams.signature(c.get("signature")));
    return BridgeSubmitDepositCertificate.answer(chain.admission().submit(cert));
  }
}
