package org.fedbridge.core.wire;

import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityPublicKey;

/**
 * Who may speak under a member index: the identity public key of member {@code index} in {@code
 * epoch}, from the epoch's agreed member list (DKG config or governance), never from the record
 * itself.
 */
@FunctionalInterface
public interface IdentityDirectory {

  /** The identity key of member {@code index} in {@code epoch}, or empty if there is none. */
  Optional<IdentityPublicKey> identity(long epoch, int index);

  /** A directory of one epoch: {@code index → identity key}. */
  static IdentityDirectory ofEpoch(long epoch, Map<Integer, IdentityPublicKey> members) {
    Map<Integer, IdentityPublicKey> copy = Map.copyOf(members);
    return (e, i) -> e == epoch ? Optional.ofNullable(copy.get(i)) : Optional.empty();
  }
}
