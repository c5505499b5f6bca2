package org.fedbridge.validator.dkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;

/**
 * A federation a DKG produced and at least t members confirmed: the epoch, what its spec named
 * (chain ids, vault), the group key, and every member's operator id, identity key and share key.
 *
 * @param vault the spec's vault (the zero address for epoch 0, deployed after its DKG)
 * @param myIndex this validator's index in it (empty if it is not a member)
 * @param myShare whether this validator wrote a share keystore for it
 */
public record ConfirmedFederation(
    long epoch,
    Bytes32 sessionId,
    long l1ChainId,
    String vault,
    long sidechainId,
    PublicKey groupKey,
    int threshold,
    List<FederationMember> members,
    OptionalInt myIndex,
    boolean myShare) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ConfirmedFederation {
    members = List.copyOf(members);
  }

  /** A member of a confirmed federation. */
  public record FederationMember(
      int index, String operatorId, IdentityPublicKey identity, PublicKey sharePublicKey) {}

  /** The member set as the chains see it (operator ids and share keys, threshold). */
  public Result<MemberSet> memberSet() {
    List<Member> ms = new ArrayList<>();
    for (FederationMember m : members) {
      ms.add(new Member(m.index(), m.operatorId(), m.sharePublicKey()));
    }
    return MemberSet.of(ms, threshold);
  }

  /** Each member index's identity key, to authenticate its Kafka records. */
  public Map<Integer, IdentityPublicKey> identities() {
    Map<Integer, IdentityPublicKey> out = new LinkedHashMap<>();
    members.forEach(m -> out.put(m.index(), m.identity()));
    return out;
  }

  static String membersJson(List<FederationMember> members) {
    ArrayNode a = JSON.createArrayNode();
    for (FederationMember m : members) {
      a.addObject()
          .put("index", m.index())
          .put("operatorId", m.operatorId())
          .put("identityPublicKey", Hex.encode(m.identity().compressed()))
          .put("sharePublicKey", Hex.encode(m.sharePublicKey().toCompressed()));
    }
    return a.toString();
  }

  static ConfirmedFederation fromRow(ResultSet rs, int row) throws SQLException {
    List<FederationMember> members = new ArrayList<>();
    try {
      for (JsonNode m : JSON.readTree(rs.getString(8))) {
        members.add(
            new FederationMember(
                m.get("index").asInt(),
                m.get("operatorId").asText(),
                new IdentityPublicKey(Hex.decode(m.get("identityPublicKey").asText())),
                PublicKey.fromCompressed(Hex.decode(m.get("sharePublicKey").asText())).orThrow()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int myIndex = rs.getInt(9);
    boolean member = !rs.wasNull();
    return new ConfirmedFederation(
        rs.getLong(1),
        new Bytes32(rs.getBytes(2)),
        rs.getLong(3),
        rs.getString(4),
        rs.getLong(5),
        PublicKey.fromCompressed(rs.getBytes(6)).orThrow(),
        rs.getInt(7),
        members,
        member ? OptionalInt.of(myIndex) : OptionalInt.empty(),
        rs.getBoolean(10));
  }
}
