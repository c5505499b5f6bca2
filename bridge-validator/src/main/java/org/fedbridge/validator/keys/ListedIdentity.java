package org.fedbridge.validator.keys;

import java.util.Optional;
import org.fedbridge.core.dkg.IdentityPublicKey;

/**
 * Which identity key an epoch's member set lists for this member (the federation feature knows;
 * empty when the epoch is unknown or this member is not in it).
 */
@FunctionalInterface
public interface ListedIdentity {
  Optional<IdentityPublicKey> of(long epoch);
}
