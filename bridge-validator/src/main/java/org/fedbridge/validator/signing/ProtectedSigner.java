package org.fedbridge.validator.signing;

import java.time.Clock;
import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.keys.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing protection, as a decorator around the key {@link Signer} (Teku's {@code
 * SlashingProtectedSigner} is the model): nothing is signed without consulting the protection
 * table, and no partial is returned before its record is committed. For one (message type, batch
 * id, epoch) only one digest is ever signed; asking again with the same digest returns the stored
 * partial, with a different digest is refused — also after a restart, and when two threads or two
 * processes on the same database try at once (the table's primary key decides).
 *
 * <p>Every signature this validator makes goes through here: batches from the signing loop, and
 * {@code EpochChange} or governance messages from other features.
 */
public final class ProtectedSigner {
  private static final Logger log = LoggerFactory.getLogger(ProtectedSigner.class);

  private static final java.util.Set<MessageType> GOVERNANCE =
      java.util.EnumSet.of(
          MessageType.TOKEN_CONFIG, MessageType.PAUSER_UPDATE, MessageType.UNPAUSE);
  private final Signer signer;
  private final SigningProtectionStore store;
  private final Clock clock;

  ProtectedSigner(Signer signer, SigningProtectionStore store, Clock clock) {
    this.signer = signer;
    this.store = store;
    this.clock = clock;
  }

  /** Signs {@code digest} for (type, batch id, epoch) unless a different digest was signed. */
  public SigningDecision sign(MessageType type, UInt256 batchId, long epoch, Bytes32 digest) {
    // SECURITY: TokenConfig, PauserUpdate and Unpause share the vault's one governance nonce: one
    // digest per nonce and epoch across the three, not one per type. (The signing loop is the only
    // caller for them and runs one round at a time; one process per share is held by a lock.)
    if (GOVERNANCE.contains(type)) {
      for (MessageType other : GOVERNANCE) {
        Optional<ProtectionRecord> r =
            other == type ? Optional.empty() : store.find(other, batchId, epoch);
        if (r.isPresent()) {
          return equivocation(other, type, batchId, epoch, r.get().digest(), digest);
        }
      }
    }
    Optional<ProtectionRecord> existing = store.find(type, batchId, epoch);
    if (existing.isPresent()) {
      ProtectionRecord r = existing.get();
      // SECURITY: equivocation: never a second digest for the same key.
      if (!r.digest().equals(digest)) {
        return equivocation(type, type, batchId, epoch, r.digest(), digest);
      }
      if (r.signedPartial().isPresent()) {
        return new SigningDecision.Signed(r.signedPartial().get(), false);
      }
    }
    Result<PartialSignature> signed = signer.sign(epoch, digest);
    if (!(signed instanceof Result.Ok<PartialSignature> ok)) {
      Result.Err<PartialSignature> err = (Result.Err<PartialSignature>) signed;
      return new SigningDecision.Refused(
          Refusal.SIGNER_REFUSED, err.reason() + ": " + err.detail());
    }
    SigningProtectionStore.Stored stored =
        store.recordSigned(
            new SigningProtectionStore.Entry(type, batchId, epoch, digest, Optional.of(ok.value())),
            clock.instant());
    ProtectionRecord r = stored.record();
    // SECURITY: a concurrent writer may have won the key between our read and our insert.
    if (!r.digest().equals(digest)) {
      return equivocation(type, type, batchId, epoch, r.digest(), digest);
    }
    return new SigningDecision.Signed(r.signedPartial().orElseThrow(), stored.created());
  }

  private static SigningDecision equivocation(
      MessageType recordedType,
      MessageType type,
      UInt256 batchId,
      long epoch,
      Bytes32 recorded,
      Bytes32 asked) {
    String detail =
        recordedType
            + " batch "
            + batchId
            + " epoch "
            + epoch
            + " was signed with digest "
            + recorded.toHex()
            + "; refusing "
            + type
            + " "
            + asked.toHex();
    log.error("signing protection refused a conflicting digest: {}", detail);
    return new SigningDecision.Refused(Refusal.EQUIVOCATION, detail);
  }
}
