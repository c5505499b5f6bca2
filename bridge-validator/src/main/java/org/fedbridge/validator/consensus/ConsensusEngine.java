package org.fedbridge.validator.consensus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.federation.Federations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consensus state machine, owned by one thread (the consensus loop): admits partials and
 * certificates read from Kafka, combines a batch's certificate once it holds {@code t} good
 * candidates for the digest it observed itself, publishes it, and counts who was missing.
 */
final class ConsensusEngine {
  private static final Logger log = LoggerFactory.getLogger(ConsensusEngine.class);
  private static final Duration OBSERVATION_RETRY = Duration.ofSeconds(1);

  /** Where certificates combined here go: {@code bridge.certificates}, asynchronously. */
  interface CertificateOutbox {
    void send(BatchKey key, byte[] kafkaKey, byte[] record);
  }

  private final Federations federations;
  private final Batches batches;
  private final ConsensusStore store;
  private final ConsensusMetrics metrics;
  private final Clock clock;
  private final Duration missingSignerGrace;
  private final TransactionTemplate tx;
  private final CertificateOutbox outbox;
  private final CandidatePool pool = new CandidatePool();
  private final PartialIntake intake;
  private final Map<BatchKey, ObservedBatch> observed = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Set<BatchKey> touched = new HashSet<>();
  private final String partialsTopic;
  private boolean newCertificates;
  private boolean live;

  ConsensusEngine(
      Federations federations,
      Batches batches,
      ConsensusStore store,
      ConsensusMetrics metrics,
      Clock clock,
      TransactionTemplate tx,
      CertificateOutbox outbox,
      int maxPendingPerMember,
      Duration missingSignerGrace,
      String partialsTopic) {
    this.federations = federations;
    this.batches = batches;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.tx = tx;
    this.outbox = outbox;
    this.missingSignerGrace = missingSignerGrace;
    this.partialsTopic = partialsTopic;
    this.intake =
        new PartialIntake(
            federations, pool, store, metrics, clock, maxPendingPerMember, partialsTopic);
  }

  void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** (Re)builds the pool from the database: at start-up and after a failed transaction. */
  void load() {
    pool.clear();
    observed.clear();
    touched.clear();
    store.candidates().forEach(intake::restore);
    Instant now = clock.instant();
    for (BatchEntry e : pool.all()) {
      if (store.certified(e.key())) {
        settle(e, now, null);
      } else {
        touched.add(e.key());
      }
    }
  }

  /** The loop has read what was written before it started: from now on records are live. */
  void live() {
    live = true;
  }

  /** One record of the poll; its writes join the poll's transaction. */
  void onPartial(byte[] value) {
    intake.admit(value).ifPresent(touched::add);
  }

  void onCertificate(String topic, byte[] value) {
    if (value == null || value.length == 0) {
      metrics.skipped(topic, "empty");
      return;
    }
    if (value.length > CertificateWire.MAX_LENGTH) {
      metrics.skipped(topic, "oversized");
      return;
    }
    Result<CertificateContent> decoded = CertificateWire.decode(value);
    if (!(decoded instanceof Result.Ok<CertificateContent> ok)) {
      metrics.skipped(topic, decoded.rejection().name().toLowerCase(Locale.ROOT));
      return;
    }
    CertificateContent c = ok.value();
    BatchEntry held = pool.get(c.key());
    if ((held != null && held.certified())
        || pool.recentlyCertified(c.key())
        || store.certified(c.key())) {
      return; // already certified here: a duplicate costs no pairing
    }
    Optional<EpochView> view = federations.epoch(c.key().epoch());
    if (view.isEmpty()) {
      metrics.skipped(topic, "wrong_epoch");
      return;
    }
    // SECURITY: nothing from the topic is stored or acted on before its group signature verifies.
    metrics.certificateVerified();
    Result<Bytes32> digest = CertificateWire.verify(c, view.get());
    if (!(digest instanceof Result.Ok<Bytes32> d)) {
      metrics.skipped(topic, "bad_signature");
      return;
    }
    BatchEntry entry = held;
    Instant now = clock.instant();
    Instant first = entry == null ? null : entry.firstPartialAt();
    if (store.insertCertificate(c.key(), d.value(), value, false, first, now)) {
      newCertificates = true;
      if (entry == null && live) {
        // Read live, before any of its partials: keep the batch for the missing-signer grace so
        // that the partials still arriving are counted (history read at start-up is not).
        entry = pool.getOrCreate(c.key());
      }
      if (entry != null && !entry.certified()) {
        settle(entry, now, d.value());
      }
    }
  }

  /** After the poll's transaction committed: combine what changed, tell the followers. */
  void afterCommit() {
    for (BatchKey key : List.copyOf(touched)) {
      tryCombine(key);
    }
    touched.clear();
    if (newCertificates) {
      newCertificates = false;
      listeners.forEach(Runnable::run);
    }
    metrics.pendingBatches(pool.size());
  }

  /** Timers: late observations, missing signers, clean-up of settled or superseded batches. */
  void tick() {
    Instant now = clock.instant();
    long currentEpoch = federations.current().map(EpochView::epoch).orElse(-1L);
    for (BatchEntry e : pool.all()) {
      if (e.certified() && !e.certifiedAt().plus(missingSignerGrace).isAfter(now)) {
        countMissing(e);
        drop(e);
      } else if (!e.certified() && e.key().epoch() < currentEpoch) {
        drop(e); // the batch is signed again under the new epoch
      } else if (!e.certified()
          && e.observedDigest() == null
          && !e.nextObservationCheck().isAfter(now)) {
        touched.add(e.key());
      }
    }
    afterCommit();
  }

  private void drop(BatchEntry e) {
    pool.remove(e);
    observed.remove(e.key());
    tx.executeWithoutResult(s -> store.deleteCandidates(e.key()));
  }

  private void tryCombine(BatchKey key) {
    BatchEntry entry = pool.get(key);
    Optional<EpochView> current = federations.current();
    if (entry == null || entry.certified() || current.isEmpty()) {
      return;
    }
    EpochView view = current.get();
    if (view.epoch() != key.epoch() || view.myIndex().isEmpty()) {
      return; // only members combine, and only for the active epoch
    }
    if (entry.candidates().size() < view.threshold()) {
      return;
    }
    if (entry.observedDigest() == null && !observe(entry, view)) {
      return;
    }
    Combiner.Attempt attempt = Combiner.attempt(view.verifier(), entry.observedDigest(), entry);
    metrics.pairings(attempt.pairings());
    tx.executeWithoutResult(
        s -> {
          for (Combiner.Blame b : attempt.blamed()) {
            store.verdict(key, b.member(), Candidate.Verdict.BAD);
            metrics.rejected(b.reason(), PartialIntake.operator(view, b.member()));
          }
          if (attempt.outcome() instanceof Combiner.Outcome.Certified c) {
            certify(entry, view, c);
          }
        });
    if (attempt.outcome() instanceof Combiner.Outcome.Failed f) {
      log.error("batch {}: {}", key, f.why());
    }
  }

  private boolean observe(BatchEntry entry, EpochView view) {
    BatchKey key = entry.key();
    if (key.type() != MessageType.DEPOSIT_BATCH
        && key.type() != MessageType.WITHDRAWAL_BATCH
        && key.type() != MessageType.EPOCH_CHANGE
        && key.type() != MessageType.TOKEN_CONFIG
        && key.type() != MessageType.PAUSER_UPDATE
        && key.type() != MessageType.UNPAUSE) {
      return false;
    }
    Optional<ObservedBatch> batch = batches.find(key.type(), key.batchId());
    if (batch.isEmpty()) {
      entry.nextObservationCheck(clock.instant().plus(OBSERVATION_RETRY));
      return false;
    }
    // SECURITY: only the digest this validator computed from its own observation is combined (for
    // a hand-over: the EpochChange of the next epoch's DKG this validator confirmed itself; for a
    // token configuration, a pauser update or an unpause: the one an approved governance record
    // asked for at the vault's nonce, an unpause only for the vault's current pause).
    Bytes32 digest = batch.get().message().digest(view.domain());
    entry.observedDigest(digest);
    observed.put(key, batch.get());
    tx.executeWithoutResult(s -> condemnOtherDigests(entry, digest));
    return true;
  }

  /** Once the batch's digest is known, candidates for any other digest are bad (and blamed). */
  private void condemnOtherDigests(BatchEntry entry, Bytes32 digest) {
    Optional<EpochView> view = federations.epoch(entry.key().epoch());
    for (Candidate c : entry.candidates()) {
      if (c.verdict() != Candidate.Verdict.BAD && !c.envelope().digest().equals(digest)) {
        c.verdict(Candidate.Verdict.BAD);
        store.verdict(entry.key(), c.index(), Candidate.Verdict.BAD);
        metrics.rejected(
            PartialRejection.WRONG_DIGEST,
            view.map(v -> PartialIntake.operator(v, c.index()))
                .orElse(ConsensusMetrics.UNAUTHENTICATED));
      }
    }
  }

  private void certify(BatchEntry entry, EpochView view, Combiner.Outcome.Certified c) {
    BatchKey key = entry.key();
    byte[] record =
        CertificateWire.encode(
            key.epoch(), observed.get(key), c.signature(), c.signers(), view.myIndex().getAsInt());
    Instant now = clock.instant();
    for (Candidate cand : entry.candidates()) {
      if (cand.verdict() == Candidate.Verdict.GOOD) {
        store.verdict(key, cand.index(), Candidate.Verdict.GOOD);
      }
    }
    if (!store.insertCertificate(
        key, entry.observedDigest(), record, true, entry.firstPartialAt(), now)) {
      return; // read from the topic in the meantime
    }
    metrics.combined(key.type());
    metrics.signers(c.signers().size());
    settle(entry, now, entry.observedDigest());
    newCertificates = true;
    outbox.send(key, CertificateWire.kafkaKey(key.type(), key.batchId()), record);
  }

  private void settle(BatchEntry entry, Instant at, Bytes32 digest) {
    if (entry.observedDigest() == null && digest != null) {
      // Certified before this validator observed the batch: the certificate names the digest.
      entry.observedDigest(digest);
      condemnOtherDigests(entry, digest);
    }
    entry.certifiedAt(at);
    pool.certified(entry);
    if (entry.firstPartialAt() != null && digest != null) {
      metrics.latency(entry.key().type(), Duration.between(entry.firstPartialAt(), at));
    }
  }

  private void countMissing(BatchEntry e) {
    Optional<EpochView> view = federations.epoch(e.key().epoch());
    if (view.isEmpty() || e.observedDigest() == null) {
      return;
    }
    for (Member m : view.get().verifier().members().members()) {
      Candidate c = e.candidate(m.index());
      boolean present =
          c != null
              && c.verdict() != Candidate.Verdict.BAD
              && c.envelope().digest().equals(e.observedDigest());
      if (!present) {
        metrics.missingSigner(m.operatorId());
      }
    }
  }

  String partialsTopic() {
    return partialsTopic;
  }

  int pendingBatches() {
    return pool.size();
  }
}
