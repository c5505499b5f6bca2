package org.fedbridge.validator.dkg;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.fedbridge.core.dkg.DkgLog;
import org.fedbridge.core.dkg.DkgLog.Phase;
import org.fedbridge.core.dkg.DkgMember;
import org.fedbridge.core.dkg.DkgPublicOutput;
import org.fedbridge.core.dkg.DkgResult;
import org.fedbridge.core.dkg.DkgRun;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.ShareKeystore;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.dkg.ConfirmedFederation.FederationMember;
import org.fedbridge.validator.keys.Identities;
import org.fedbridge.validator.keys.KeyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this member's side of one DKG over the {@code bridge.dkg} topic: bridge-core's {@link
 * DkgRun} fed with the topic in order, its output published, every accepted record and the read
 * position stored in PostgreSQL in one transaction, and the share written to the key directory once
 * the log holds t matching confirmations.
 *
 * <p>Crash and restart: the dealing seed is stored before anything is published; a restarted member
 * replays its stored records into a new run with the same seed (which rebuilds its records byte for
 * byte), re-publishes what the log has not shown back yet, and reads on from the stored position.
 * Hostile records are counted and skipped one by one.
 */
final class DkgParticipant {
  private static final Logger LOG = LoggerFactory.getLogger(DkgParticipant.class);

  private final DkgStore store;
  private final DkgLink transport;
  private final KeyDirectory keys;
  private final Identities identities;
  // The identity the spec lists for this member (the next one during an identity rotation).
  private IdentityKeystore identity;
  private final DkgSettings settings;
  private final DkgMetrics metrics;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  DkgParticipant(
      DkgStore store,
      DkgLink transport,
      KeyDirectory keys,
      Identities identities,
      DkgSettings settings,
      DkgMetrics metrics,
      Clock clock) {
    this.store = store;
    this.transport = transport;
    this.keys = keys;
    this.identities = identities;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  DkgOutcome run(FederationSpec spec) {
    Bytes32 sessionId = spec.config().sessionId();
    Optional<IdentityKeystore> listed =
        identities.all().stream()
            .filter(k -> spec.member(k.identity().publicKey()).isPresent())
            .findFirst();
    if (listed.isEmpty()) {
      return new DkgOutcome.Failed(
          sessionId, "none of this member's identity keys is in the federation spec", false);
    }
    identity = listed.get();
    Optional<DkgMember> me = spec.member(identity.identity().publicKey());
    if (!me.get().operatorId().equals(identity.operatorId())) {
      return new DkgOutcome.Failed(
          sessionId,
          "the spec lists this identity key as operator "
              + me.get().operatorId()
              + ", the keystore says "
              + identity.operatorId(),
          false);
    }
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    // SECURITY: the seed is committed before anything is published (and the first one is kept).
    DkgStore.Session session =
        store.open(sessionId, spec.epoch(), spec.json(), me.get().index(), seed);
    Arrays.fill(seed, (byte) 0);
    if (session.myIndex() != me.get().index()) {
      return new DkgOutcome.Failed(sessionId, "stored session has another index", false);
    }
    if (session.status() == DkgStore.Status.FAILED) {
      return new DkgOutcome.Failed(sessionId, session.failure(), false);
    }
    DkgRun run =
        DkgRun.start(spec.config(), session.myIndex(), identity.identity(), session.dealSeed());
    List<DkgStore.StoredRecord> stored = store.records(sessionId);
    for (DkgStore.StoredRecord r : stored) {
      run.onRecord(r.bytes()); // replay: what it would publish is in its outbox if still needed
    }
    if (!stored.isEmpty()) {
      LOG.info(
          "DKG {}: resumed from {} stored records, phase {}",
          sessionId,
          stored.size(),
          run.phase());
    }
    if (run.phase() == Phase.CONFIRMED || run.phase() == Phase.FAILED) {
      return finish(spec, run);
    }
    transport.publish(sessionId, run.outbox());
    long position = session.nextOffset().orElseGet(transport::earliest);
    int seq = stored.size();
    Instant deadline = clock.instant().plus(settings.sessionTimeout());
    Instant roundOpened = clock.instant();
    Phase phase = run.phase();
    while (run.phase() != Phase.CONFIRMED && run.phase() != Phase.FAILED) {
      List<DkgStore.StoredRecord> accepted = new ArrayList<>();
      List<byte[]> publish = new ArrayList<>();
      for (DkgTransport.Read read : transport.poll(position, settings.poll())) {
        position = read.offset() + 1;
        if (!Arrays.equals(read.key(), sessionId.bytes())) {
          metrics.rejected("foreign-session");
          continue;
        }
        DkgRun.Progress p = apply(run, read.value());
        if (p == null) {
          continue;
        }
        publish.addAll(p.publish());
        if (p.step() instanceof DkgLog.Step.Accepted a) {
          accepted.add(
              new DkgStore.StoredRecord(
                  seq++, read.offset(), a.message().sender(), read.value()[0], read.value()));
        }
        if (run.phase() == Phase.CONFIRMED || run.phase() == Phase.FAILED) {
          break;
        }
      }
      store.append(sessionId, accepted, position);
      if (run.phase() != phase) {
        LOG.info("DKG {}: {} -> {}", sessionId, phase, run.phase());
        phase = run.phase();
        roundOpened = clock.instant();
      }
      if (run.phase() == Phase.CONFIRMED || run.phase() == Phase.FAILED) {
        break;
      }
      Instant now = clock.instant();
      if (now.isAfter(roundOpened.plus(settings.roundTimeout()))) {
        publish.addAll(run.timeout()); // at most once per round
      }
      transport.publish(sessionId, publish);
      if (now.isAfter(deadline)) {
        return new DkgOutcome.Failed(
            sessionId,
            "no outcome within " + settings.sessionTimeout() + " (phase " + run.phase() + ")",
            true);
      }
    }
    return finish(spec, run);
  }

  /** One record through the run; hostile bytes are counted, never thrown. */
  private DkgRun.Progress apply(DkgRun run, byte[] value) {
    if (value == null) {
      metrics.rejected("empty");
      return null;
    }
    DkgRun.Progress p;
    try {
      p = run.onRecord(value);
    } catch (RuntimeException e) {
      // A bug, not an input problem (inputs give rejections): count it, keep reading.
      LOG.error("DKG record could not be processed", e);
      metrics.rejected("error");
      return null;
    }
    if (p.step() instanceof DkgLog.Step.Rejected r) {
      metrics.rejected(r.reason().name());
    } else if (p.step() instanceof DkgLog.Step.Ignored i) {
      metrics.ignored(i.why().startsWith("repeat") ? "repeat" : "outside-round");
    } else if (p.step() instanceof DkgLog.Step.Accepted a) {
      metrics.accepted(a.message().getClass().getSimpleName());
    }
    return p;
  }

  private DkgOutcome finish(FederationSpec spec, DkgRun run) {
    Bytes32 sessionId = spec.config().sessionId();
    DkgLog log = run.log();
    if (run.phase() == Phase.FAILED) {
      String why = log.failure().orElse("the DKG failed");
      store.fail(sessionId, why);
      return new DkgOutcome.Failed(sessionId, why, false);
    }
    DkgPublicOutput out = log.output().orElseThrow();
    Optional<DkgResult> mine = run.confirmed();
    if (mine.isPresent()) {
      try (ShareKeystore share =
          new ShareKeystore(
              spec.epoch(),
              identity.operatorId(),
              sessionId,
              out.groupKey(),
              spec.threshold(),
              identity.identity().publicKey(),
              mine.get().share())) {
        Result<Void> written = keys.storeShare(share);
        if (!written.isOk()) {
          // SECURITY: never two shares for one epoch; the DB is not marked confirmed either.
          return new DkgOutcome.Failed(sessionId, ((Result.Err<Void>) written).detail(), false);
        }
      }
    } else {
      LOG.warn(
          "DKG {}: confirmed by the federation, but this member holds no share ({})",
          sessionId,
          run.ownFailure().orElse("no confirmation"));
    }
    List<FederationMember> members = new ArrayList<>();
    for (DkgMember m : spec.config().members()) {
      members.add(
          new FederationMember(
              m.index(), m.operatorId(), m.identity(), out.sharePublicKey(m.index())));
    }
    ConfirmedFederation federation =
        new ConfirmedFederation(
            spec.epoch(),
            sessionId,
            spec.l1ChainId(),
            spec.vault().toHex(),
            spec.sidechainId(),
            out.groupKey(),
            spec.threshold(),
            members,
            OptionalInt.of(run.index()),
            mine.isPresent());
    Bytes32 transcript = log.transcriptHash().orElseThrow();
    if (!store.confirm(sessionId, federation, transcript, log.outcomeHash().orElseThrow())) {
      return new DkgOutcome.Failed(
          sessionId, "epoch " + spec.epoch() + " already has another confirmed federation", false);
    }
    return new DkgOutcome.Confirmed(
        federation, transcript, mine.isPresent(), log.acceptedRecords());
  }
}
