package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Result;
import org.fedbridge.sidechain.ledger.Certificates;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code bridge_submitEpochChange(certificate)} with {@code {epoch, newEpoch, groupPublicKey,
 * threshold, members: [{index, operatorId, sharePublicKey}], signature}}: the current epoch's
 * certificate over {@code EpochChange(newEpoch = epoch + 1, …)}; answers {@code {hash, duplicate}}.
 */
public final class BridgeSubmitEpochChange implements JsonRpcMethod {
  private final Chain chain;

  public BridgeSubmitEpochChange(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "bridge_submitEpochChange";
  }

  @Override
  public Object execute(Params params) throws RpcException {
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
                CertificateCodec.g2(m.get("sharePublicKey"), "sharePublicKey")));
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
    if (epoch.bitLength() > 62 || newEpoch.bitLength() > 62) {
      throw RpcException.invalidParams(0, "epoch too large");
    }
    var cert =
        new Certificates.EpochCertificate(
            epoch.longValue(),
            newEpoch.longValue(),
            CertificateCodec.g2(c.get("groupPublicKey"), "groupPublicKey"),
            set.orThrow(),
            CertificateCodec.signature(c.get("signature")));
    return BridgeSubmitDepositCertificate.answer(chain.admission().submit(cert));
  }
}
