package org.fedbridge.sidechain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * A hand-over to the next epoch, signed by the current one. Only a claim until {@link
 * Ledger#verify(EpochCertificate)} accepts it.
 */
public record EpochCertificate(
    long epoch, long newEpoch, PublicKey groupKey, MemberSet members, Signature signature) {

  /** RLP {@code [epoch, newEpoch, groupKey, threshold, [[index, operatorId, sharePk]…], sig]}. */
  public byte[] encode() {
    List<byte[]> ms = new ArrayList<>();
    for (Member m : members.members()) {
      ms.add(
          Rlp.list(
              Rlp.uint(m.index()),
              Rlp.string(m.operatorId().getBytes(StandardCharsets.UTF_8)),
              Rlp.string(m.sharePk().toCompressed())));
    }
    return Rlp.list(
        Rlp.uint(epoch),
        Rlp.uint(newEpoch),
        Rlp.string(groupKey.toCompressed()),
        Rlp.uint(members.threshold()),
        Rlp.list(ms),
        Rlp.string(signature.toCompressed()));
  }
}
