package org.fedbridge.relayer.track;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.relayer.chain.SidechainClient;
import org.fedbridge.relayer.chain.VaultClient;
import org.springframework.stereotype.Component;

/**
 * The federation keys the relayer checks signatures with: each epoch's group key and threshold as
 * the vault stores them (what a certificate must verify under to be postable), and the current
 * epoch's share keys as the sidechain publishes them (to count partial signatures). Epochs never
 * change once set, so both are cached.
 */
@Component
class FederationKeys {
  private final VaultClient vault;
  private final SidechainClient sidechain;
  private final Map<Long, VaultClient.EpochKey> epochs = new ConcurrentHashMap<>();
  private final AtomicReference<SidechainClient.Epoch> members = new AtomicReference<>();

  FederationKeys(VaultClient vault, SidechainClient sidechain) {
    this.vault = vault;
    this.sidechain = sidechain;
  }

  /** The epoch's group key and threshold on L1, or empty if the vault has no such epoch. */
  Optional<VaultClient.EpochKey> epoch(long epoch) throws IOException {
    VaultClient.EpochKey known = epochs.get(epoch);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<VaultClient.EpochKey> read = vault.epoch(epoch);
    read.ifPresent(k -> epochs.put(epoch, k));
    return read;
  }

  /** A member's share key in {@code epoch}, if that is the sidechain's current epoch. */
  Optional<PublicKey> shareKey(long epoch, int index) throws IOException {
    SidechainClient.Epoch current = members.get();
    if (current == null || current.number() < epoch) {
      current = sidechain.epoch();
      members.set(current);
    }
    if (current.number() != epoch) {
      return Optional.empty();
    }
    return current.members().stream()
        .filter(m -> m.index() == index)
        .map(SidechainClient.Member::shareKey)
        .findFirst();
  }

  /** Number of members of the sidechain's current epoch (0 before the first read). */
  int memberCount() {
    SidechainClient.Epoch current = members.get();
    return current == null ? 0 : current.members().size();
  }
}
