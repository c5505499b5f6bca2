package org.fedbridge.core.dkg;

import java.util.List;
import java.util.Set;
import org.fedbridge.core.bls.PublicKey;

/**
 * What a DKG run publishes: the group key, every member's share public key (index {@code i} at
 * position {@code i-1}), and the qualified dealers whose polynomials make up the key.
 */
public record DkgPublicOutput(
    PublicKey groupKey, List<PublicKey> sharePublicKeys, Set<Integer> qualified) {
  public DkgPublicOutput {
    sharePublicKeys = List.copyOf(sharePublicKeys);
    qualified = Set.copyOf(qualified);
  }

  public PublicKey sharePublicKey(int index) {
    return sharePublicKeys.get(index - 1);
  }
}
