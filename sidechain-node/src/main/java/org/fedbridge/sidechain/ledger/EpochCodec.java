package org.fedbridge.sidechain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.sidechain.genesis.Epoch;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * The state's encoding of the current epoch: RLP {@code [number, groupKey, threshold, [[index,
 * operatorId, sharePk]…]]} with compressed G2 keys. Part of the state root, so it never changes.
 */
final class EpochCodec {
  private EpochCodec() {}

  static byte[] encode(Epoch epoch) {
    List<byte[]> ms = new ArrayList<>();
    for (Member m : epoch.members().members()) {
      ms.add(
          Rlp.list(
              Rlp.uint(m.index()),
              Rlp.string(m.operatorId().getBytes(StandardCharsets.UTF_8)),
              Rlp.string(m.sharePk().toCompressed())));
    }
    return Rlp.list(
        Rlp.uint(epoch.number()),
        Rlp.string(epoch.groupKey().toCompressed()),
        Rlp.uint(epoch.members().threshold()),
        Rlp.list(ms));
  }

  /** The epoch the state holds; the state was written by this code, so corruption is fatal. */
  static Epoch decode(byte[] encoded) {
    try {
      List<Rlp.Item> f = Rlp.decode(encoded, 0).list();
      List<Member> ms = new ArrayList<>();
      for (Rlp.Item m : f.get(3).list()) {
        List<Rlp.Item> mf = m.list();
        ms.add(
            new Member(
                mf.get(0).uint(4).intValueExact(),
                new String(mf.get(1).string(), StandardCharsets.UTF_8),
                PublicKey.fromCompressed(mf.get(2).string()).orThrow()));
      }
      return new Epoch(
          f.get(0).uint64(),
          PublicKey.fromCompressed(f.get(1).string()).orThrow(),
          MemberSet.of(ms, f.get(2).uint(4).intValueExact()).orThrow());
    } catch (Rlp.RlpException e) {
      throw new IllegalStateException("stored epoch is corrupt", e);
    }
  }
}
