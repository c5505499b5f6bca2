package org.fedbridge.admin.federation;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.springframework.stereotype.Component;

/**
 * Group keys per epoch: from the console's roster (learnt from verified EpochChange certificates),
 * else from the vault on L1, which is the authority. Unknown while neither has it.
 */
@Component
class GroupKeys {
  private final Roster roster;
  private final Vault vault;
  private final ConcurrentHashMap<Long, PublicKey> known = new ConcurrentHashMap<>();

  GroupKeys(Roster roster, Vault vault) {
    this.roster = roster;
    this.vault = vault;
  }

  Optional<PublicKey> of(long epoch) {
    PublicKey cached = known.get(epoch);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> stored = roster.epoch(epoch).map(EpochView::groupKey);
    if (stored.isPresent() && stored.get() != null) {
      Result<PublicKey> k = PublicKey.fromCompressed(Hex.decode(stored.get()));
      if (k.isOk()) {
        known.put(epoch, k.orThrow());
        return Optional.of(k.orThrow());
      }
    }
    try {
      if (vault.currentEpoch() < epoch) {
        return Optional.empty();
      }
      Result<PublicKey> k = PublicKey.fromEip2537(vault.groupKey(epoch));
      if (!k.isOk()) {
        return Optional.empty();
      }
      known.put(epoch, k.orThrow());
      roster.groupKey(epoch, Hex.encode(k.orThrow().toCompressed()));
      return Optional.of(k.orThrow());
    } catch (ChainException e) {
      return Optional.empty();
    }
  }

  void learn(long epoch, PublicKey key) {
    known.putIfAbsent(epoch, key);
  }
}
