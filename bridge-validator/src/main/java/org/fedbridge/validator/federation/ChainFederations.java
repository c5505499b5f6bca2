package org.fedbridge.validator.federation;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.dkg.ConfirmedFederation;
import org.fedbridge.validator.dkg.DkgService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epochs as L1 and the sidechain see them, checked against what this validator's DKGs produced.
 * An epoch is current only when the vault's {@code currentEpoch()} and the sidechain's {@code
 * bridge_epoch} name it with the same group key, threshold and members hash; and when this
 * validator took part in its DKG, its confirmed result must be that very federation.
 *
 * <p>SECURITY (threats.md row 11): a federation whose DKG finished but which is not yet active on
 * both chains is never {@link #current()} nor returned by {@link #epoch(long)}, so its members
 * cannot sign for it or for the current epoch with it; while L1 and the sidechain disagree (an
 * epoch change applied on one side only) there is no current epoch and nothing is signed.
 */
final class ChainFederations implements Federations {
  private static final Logger LOG = LoggerFactory.getLogger(ChainFederations.class);

  /** The last reading: the current epoch, or why there is none. */
  record Reading(Optional<EpochView> current, String why) {}

  private final ChainEpochs.L1 l1;
  private final ChainEpochs.Sidechain sidechain;
  private final DkgService dkg;
  private final long l1ChainId;
  private final Address vault;
  private final long sidechainId;
  private final AtomicReference<Reading> reading =
      new AtomicReference<>(new Reading(Optional.empty(), "not read yet"));

  ChainFederations(
      ChainEpochs.L1 l1,
      ChainEpochs.Sidechain sidechain,
      DkgService dkg,
      long l1ChainId,
      Address vault,
      long sidechainId) {
    this.l1 = l1;
    this.sidechain = sidechain;
    this.dkg = dkg;
    this.l1ChainId = l1ChainId;
    this.vault = vault;
    this.sidechainId = sidechainId;
  }

  @Override
  public Optional<EpochView> current() {
    return reading.get().current();
  }

  /** The current epoch and past epochs this validator took part in; never a pending one. */
  @Override
  public Optional<EpochView> epoch(long number) {
    Optional<EpochView> current = current();
    if (current.isEmpty() || number > current.get().epoch()) {
      return Optional.empty();
    }
    if (number == current.get().epoch()) {
      return current;
    }
    return dkg.federation(number)
        .flatMap(f -> view(f, number).map(Optional::of).orElse(Optional.empty()));
  }

  /** Why there is no current epoch (or "ok"), for readiness and logs. */
  String status() {
    return reading.get().why();
  }

  /** Reads both chains again; keeps the previous reading when a chain cannot be reached. */
  void refresh() {
    ChainEpochs.L1Epoch onL1;
    ChainEpochs.SidechainEpoch onSidechain;
    try {
      onL1 = l1.current();
      onSidechain = sidechain.current();
    } catch (Exception e) {
      LOG.warn("cannot read the current epoch: {}", e.toString());
      return;
    }
    Reading next = read(onL1, onSidechain);
    Reading previous = reading.getAndSet(next);
    if (!previous.why().equals(next.why())) {
      LOG.info("federation: {}", next.why());
    }
  }

  Reading read(ChainEpochs.L1Epoch onL1, ChainEpochs.SidechainEpoch onSidechain) {
    long e = onL1.epoch();
    if (e != onSidechain.epoch()) {
      return none(
          "epoch " + e + " is active on L1 but epoch " + onSidechain.epoch() + " on the sidechain");
    }
    Result<MemberSet> members = MemberSet.of(onSidechain.members(), onSidechain.threshold());
    if (!members.isOk()
        || !onL1.groupKey().equals(onSidechain.groupKey())
        || onL1.threshold() != onSidechain.threshold()
        || onL1.memberCount() != onSidechain.members().size()
        || !onL1.membersHash().equals(onSidechain.membersHash())
        || !members.orThrow().membersHash().equals(onL1.membersHash())) {
      return none("L1 and the sidechain disagree on the federation of epoch " + e);
    }
    Result<ThresholdVerifier> verifier =
        ThresholdVerifier.checked(onL1.groupKey(), members.orThrow());
    if (!verifier.isOk()) {
      return none("the share keys of epoch " + e + " do not fit its group key");
    }
    Map<Integer, IdentityPublicKey> identities = Map.of();
    OptionalInt me = OptionalInt.empty();
    Optional<ConfirmedFederation> local = dkg.federation(e);
    if (local.isPresent()) {
      ConfirmedFederation f = local.get();
      Result<MemberSet> ours = f.memberSet();
      // SECURITY: the chains must hold the very federation this validator's DKG confirmed.
      if (!f.groupKey().equals(onL1.groupKey())
          || !ours.isOk()
          || !ours.orThrow().equals(members.orThrow())
          || f.l1ChainId() != l1ChainId
          || f.sidechainId() != sidechainId) {
        return none(
            "this validator's DKG for epoch "
                + e
                + " produced another federation than the chains hold");
      }
      identities = f.identities();
      me = f.myIndex();
    }
    EpochView view = new EpochView(e, domain(e), verifier.orThrow(), identities, me);
    return new Reading(Optional.of(view), "epoch " + e + " is active on L1 and the sidechain");
  }

  private Optional<EpochView> view(ConfirmedFederation f, long epoch) {
    Result<MemberSet> ms = f.memberSet();
    if (!ms.isOk()) {
      return Optional.empty();
    }
    Result<ThresholdVerifier> v = ThresholdVerifier.checked(f.groupKey(), ms.orThrow());
    return v.isOk()
        ? Optional.of(new EpochView(epoch, domain(epoch), v.orThrow(), f.identities(), f.myIndex()))
        : Optional.empty();
  }

  private Domain domain(long epoch) {
    return new Domain(UInt256.of(l1ChainId), vault, UInt256.of(sidechainId), UInt256.of(epoch));
  }

  private static Reading none(String why) {
    return new Reading(Optional.empty(), why);
  }
}
