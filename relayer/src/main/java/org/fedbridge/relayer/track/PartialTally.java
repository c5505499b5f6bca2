package org.fedbridge.relayer.track;

import java.io.IOException;
import java.util.Optional;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.relayer.chain.BridgeDomain;
import org.fedbridge.relayer.chain.VaultClient;
import org.springframework.stereotype.Component;

/**
 * Counts the partial signatures seen on Kafka for a batch ("signatures k of t"). A partial counts
 * only if its digest is the one the relayer computes itself from the chain's batch under this
 * deployment's domain, and its BLS signature verifies against the member's share key. Partials that
 * arrive before the relayer knows the batch wait (at most {@value #MAX_PENDING} per member and
 * batch, so junk cannot grow the table) and are checked when the batch becomes known.
 */
@Component
class PartialTally {
  static final int MAX_PENDING = 2;

  private final PartialSeenRepository partials;
  private final FederationKeys keys;
  private final BridgeDomain domain;

  PartialTally(PartialSeenRepository partials, FederationKeys keys, BridgeDomain domain) {
    this.partials = partials;
    this.keys = keys;
    this.domain = domain;
  }

  /** A partial read from Kafka: counted, parked until the batch is known, or dropped. */
  void offer(BatchEntity b, long epoch, int index, Bytes32 digest, byte[] signature)
      throws IOException {
    if (b.certified()) {
      return; // the certificate says it all
    }
    var key =
        new PartialSeenEntity.Key(b.key.kind(), b.key.batchId(), epoch, index, digest.toHex());
    if (partials.existsById(key)) {
      return;
    }
    if (b.root == null) {
      // SECURITY: unverifiable for now; bounded per member and batch.
      if (partials.countFor(b.key.kind(), b.key.batchId(), epoch, index) < MAX_PENDING) {
        partials.save(new PartialSeenEntity(key, signature, false));
      }
      return;
    }
    if (verifies(b, epoch, index, digest, signature)) {
      partials.save(new PartialSeenEntity(key, signature, true));
      count(b, epoch);
    }
  }

  /** The batch's root became known: checks the parked partials. */
  void recount(BatchEntity b) {
    for (PartialSeenEntity p : partials.findPending(b.key.kind(), b.key.batchId())) {
      boolean ok;
      try {
        ok =
            !b.certified()
                && verifies(
                    b,
                    p.key.epoch(),
                    p.key.memberIndex(),
                    Bytes32.fromHex(p.key.digest()),
                    p.signature);
      } catch (IOException e) {
        continue; // keys unreachable now: try again on the next recount
      }
      if (ok) {
        p.verified = true;
        count(b, p.key.epoch());
      } else {
        partials.delete(p);
      }
    }
  }

  private void count(BatchEntity b, long epoch) {
    b.partials = partials.countVerified(b.key.kind(), b.key.batchId(), epoch);
    try {
      keys.epoch(epoch).map(VaultClient.EpochKey::threshold).ifPresent(t -> b.threshold = t);
    } catch (IOException e) {
      // the threshold is shown when it can be read
    }
  }

  private boolean verifies(BatchEntity b, long epoch, int index, Bytes32 digest, byte[] sig)
      throws IOException {
    // SECURITY: the relayer's own digest, under its own domain: a record cannot choose it.
    if (!expectedDigest(b, epoch).equals(digest)) {
      return false;
    }
    Optional<PublicKey> share = keys.shareKey(epoch, index);
    Result<Signature> point = Signature.fromCompressed(sig);
    if (share.isEmpty() || !point.isOk()) {
      return false;
    }
    return Bls.verify(share.get(), digest, point.orThrow());
  }

  Bytes32 expectedDigest(BatchEntity b, long epoch) {
    UInt256 id = UInt256.of(b.key.batchId());
    Bytes32 root = Bytes32.fromHex(b.root);
    UInt256 count = UInt256.of(b.leafCount);
    SignedMessage m =
        b.key.kind() == Kind.DEPOSIT
            ? new DepositBatch(id, root, count)
            : new WithdrawalBatch(id, root, count);
    return m.digest(domain.at(epoch));
  }
}
