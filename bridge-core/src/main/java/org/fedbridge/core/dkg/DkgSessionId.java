package org.fedbridge.core.dkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.types.Bytes32;

/**
 * Session ids of DKG runs: {@code keccak256} over the domain the new federation will sign in (L1
 * chain id, vault, sidechain id, new epoch), an attempt counter and everything the run depends on
 * (threshold, members with operator ids and identity keys). Two runs share a session id only if
 * they are the same run, so no record of one can count in another. The vault address is the zero
 * address for epoch 0, whose vault is deployed with the key the DKG produces.
 */
public final class DkgSessionId {
  private DkgSessionId() {}

  public static Bytes32 derive(
      Domain domain, long attempt, int threshold, List<DkgMember> members) {
    List<DkgMember> sorted = new ArrayList<>(members);
    sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
    Wire w =
        new Wire("fedbridge.dkg.Session.v1")
            .bytes(domain.l1ChainId().toWord())
            .bytes(domain.vault().toWord())
            .bytes(domain.sidechainId().toWord())
            .bytes(domain.epoch().toWord())
            .u64(attempt)
            .u32(threshold)
            .u32(sorted.size());
    for (DkgMember m : sorted) {
      w.u32(m.index())
          .bytes(m.operatorId().getBytes(StandardCharsets.US_ASCII))
          .bytes(m.identity().compressed());
    }
    return w.hash();
  }
}
