package org.fedbridge.validator.dkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fedbridge.core.types.Hex;
import org.fedbridge.validator.dkg.ConfirmedFederation.FederationMember;

/** The {@code dkg --result-out} document: the confirmed federation, for scripts (the devnet). */
final class DkgResultFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DkgResultFile() {}

  static String json(DkgOutcome.Confirmed c) {
    ConfirmedFederation f = c.federation();
    ObjectNode root = JSON.createObjectNode();
    root.put("sessionId", f.sessionId().toHex());
    root.put("epoch", f.epoch());
    root.put("groupPublicKey", Hex.encode(f.groupKey().toCompressed()));
    root.put("threshold", f.threshold());
    root.put("membersHash", f.memberSet().orThrow().membersHash().toHex());
    root.put("transcriptHash", c.transcriptHash().toHex());
    root.put("myIndex", f.myIndex().orElse(0));
    root.put("withShare", c.withShare());
    ArrayNode ms = root.putArray("members");
    for (FederationMember m : f.members()) {
      ms.addObject()
          .put("index", m.index())
          .put("operatorId", m.operatorId())
          .put("identityPublicKey", Hex.encode(m.identity().compressed()))
          .put("sharePublicKey", Hex.encode(m.sharePublicKey().toCompressed()));
    }
    return root.toPrettyString();
  }
}
