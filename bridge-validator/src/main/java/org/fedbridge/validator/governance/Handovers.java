package org.fedbridge.validator.governance;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.dkg.ConfirmedFederation;
import org.fedbridge.validator.dkg.DkgService;
import org.fedbridge.validator.dkg.FederationSpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-over to the next epoch this validator may sign: the {@code EpochChange} of a DKG it took
 * part in, confirmed and holds a share of, run for a rotation the admin console published under its
 * governance key (a row of {@code governance_applied}).
 *
 * <p>SECURITY: this is the own observation of an {@code EPOCH_CHANGE} "batch": the signing pipeline
 * signs, and the consensus combines, only an EpochChange equal to this output. A DKG run by hand
 * for a set the admins never approved, a DKG for another deployment, or one this validator did not
 * confirm gives nothing to sign. Members removed by the rotation took no part in its DKG and so
 * never sign the hand-over (the remaining members of the current epoch must reach its threshold:
 * docs/architecture.md, "Epoch rotation").
 */
public final class Handovers {
  private final DkgService dkg;
  private final JdbcClient jdbc;
  private final long l1ChainId;
  private final Address vault;
  private final long sidechainId;

  public Handovers(
      DkgService dkg, JdbcClient jdbc, long l1ChainId, Address vault, long sidechainId) {
    this.dkg = dkg;
    this.jdbc = jdbc;
    this.l1ChainId = l1ChainId;
    this.vault = vault;
    this.sidechainId = sidechainId;
  }

  /** The EpochChange to {@code newEpoch} this validator confirmed, if the admins approved it. */
  public Optional<EpochChange> confirmed(long newEpoch) {
    if (newEpoch < 1) {
      return Optional.empty();
    }
    Optional<ConfirmedFederation> found = dkg.federation(newEpoch);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ConfirmedFederation f = found.get();
    if (f.myIndex().isEmpty()
        || !f.myShare()
        || f.l1ChainId() != l1ChainId
        || f.sidechainId() != sidechainId
        || !Address.fromHex(f.vault()).equals(vault)
        || !approved(f)) {
      return Optional.empty();
    }
    Result<MemberSet> members = f.memberSet();
    if (!members.isOk()) {
      return Optional.empty();
    }
    return Optional.of(new EpochChange(UInt256.of(newEpoch), f.groupKey(), members.orThrow()));
  }

  /** {@code batches} plus this validator's hand-overs as {@code EPOCH_CHANGE} batches. */
  public Batches over(Batches batches) {
    return (type, batchId) -> {
      if (type != MessageType.EPOCH_CHANGE) {
        return batches.find(type, batchId);
      }
      if (batchId.value().bitLength() > 62) {
        return Optional.empty();
      }
      return confirmed(batchId.value().longValueExact()).map(ObservedBatch.EpochHandover::new);
    };
  }

  /** SECURITY: the DKG session must be the one a published rotation asked this member to run. */
  private boolean approved(ConfirmedFederation f) {
    List<String> specs =
        jdbc.sql("SELECT spec FROM governance_applied WHERE decision = 'DKG' AND spec IS NOT NULL")
            .query(String.class)
            .list();
    for (String text : specs) {
      Result<FederationSpec> spec = FederationSpec.parse(text);
      if (spec.isOk()
          && spec.orThrow().epoch() == f.epoch()
          && spec.orThrow().config().sessionId().equals(f.sessionId())) {
        return true;
      }
    }
    return false;
  }
}
