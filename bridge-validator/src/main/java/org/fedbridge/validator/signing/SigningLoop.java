package org.fedbridge.validator.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.Periodic;
import org.fedbridge.validator.batch.BatchQueue;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.consensus.PartialPublisher;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.governance.Handovers;
import org.fedbridge.validator.governance.PauseGovernance;
import org.fedbridge.validator.governance.TokenConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives safe batches through the {@link SigningPipeline} and hands each partial to the {@link
 * PartialPublisher}. One round: open batches (new and held) in batch-id order, deposits first; a
 * hold is stored and retried next round; an equivocation or an observation that no longer matches
 * halts signing. A partial is marked signed only after the publisher took it, so a crash in between
 * re-publishes the same stored partial (never a new one) after the restart. After the batches, the
 * hand-over to the next epoch ({@link Handovers}) goes through the same pipeline once this
 * validator's DKG for it has confirmed, and so does the token configuration an approved governance
 * record asked for at the vault's current governance nonce ({@link TokenConfigs}), and the pauser
 * update or unpause likewise ({@link PauseGovernance}, an unpause only for the current pause); each
 * such partial is handed over once per run and epoch (the consensus outbox re-publishes it after a
 * restart until it is certified).
 */
public final class SigningLoop implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SigningLoop.class);

  /** Why a round did nothing. */
  public enum Idle {
    HALTED,
    NO_ACTIVE_EPOCH,
    NOT_A_MEMBER,
    NO_PUBLISHER
  }

  /** What one round did (for tests and logs). */
  public record Round(Optional<Idle> idle, int signed, int held, int refused) {}

  private final BatchQueue queue;
  private final Batches batches;
  private final SigningPipeline pipeline;
  private final SigningHalt halt;
  private final Supplier<Optional<Federations>> federations;
  private final Supplier<Optional<PartialPublisher>> publisher;
  private final Supplier<Optional<Handovers>> handovers;
  private final Supplier<Optional<TokenConfigs>> tokenConfigs;
  private final Supplier<Optional<PauseGovernance>> pauses;
  private final Set<String> governanceSigned = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<MessageType, String> governanceWait =
      new java.util.EnumMap<>(MessageType.class);
  private final TokenLimitsSource limitsSource;
  private final SigningMetrics metrics;
  private final Clock clock;
  private final int maxBatchesPerRound;
  private final Periodic runner;

  SigningLoop(
      BatchQueue queue,
      Batches batches,
      SigningPipeline pipeline,
      SigningHalt halt,
      Supplier<Optional<Federations>> federations,
      Supplier<Optional<PartialPublisher>> publisher,
      Supplier<Optional<Handovers>> handovers,
      Supplier<Optional<TokenConfigs>> tokenConfigs,
      Supplier<Optional<PauseGovernance>> pauses,
      TokenLimitsSource limitsSource,
      SigningMetrics metrics,
      Clock clock,
      int maxBatchesPerRound,
      Duration interval) {
    this.queue = queue;
    this.batches = batches;
    this.pipeline = pipeline;
    this.halt = halt;
    this.federations = federations;
    this.publisher = publisher;
    this.handovers = handovers;
    this.tokenConfigs = tokenConfigs;
    this.pauses = pauses;
    this.limitsSource = limitsSource;
    this.metrics = metrics;
    this.clock = clock;
    this.maxBatchesPerRound = maxBatchesPerRound;
    this.runner = new Periodic("signing-loop", interval, this::runOnce);
  }

  /** Runs a round as soon as possible (a watcher stored a new safe batch). */
  public void wake() {
    runner.wake();
  }

  @Override
  public void start() {
    runner.start();
  }

  @Override
  public void stop() {
    runner.stop();
  }

  @Override
  public boolean isRunning() {
    return runner.isRunning();
  }

  /** One round over the open batches. Never throws for an expected refusal. */
  public synchronized Round runOnce() {
    if (halt.halted()) {
      return idle(Idle.HALTED);
    }
    Optional<EpochView> epoch = federations.get().flatMap(Federations::current);
    if (epoch.isEmpty()) {
      return idle(Idle.NO_ACTIVE_EPOCH);
    }
    // SECURITY: a validator with no share in the active epoch signs nothing (threats.md row 11).
    if (epoch.get().myIndex().isEmpty()) {
      return idle(Idle.NOT_A_MEMBER);
    }
    Optional<PartialPublisher> pub = publisher.get();
    if (pub.isEmpty()) {
      return idle(Idle.NO_PUBLISHER);
    }
    Instant now = clock.instant();
    List<BatchQueue.Open> open =
        new ArrayList<>(queue.open(MessageType.DEPOSIT_BATCH, maxBatchesPerRound));
    List<BatchQueue.Open> withdrawals =
        queue.open(MessageType.WITHDRAWAL_BATCH, maxBatchesPerRound);
    open.addAll(withdrawals);
    Map<Address, TokenLimits> limits = Map.of();
    SigningBook book = SigningBook.empty();
    if (!withdrawals.isEmpty()) {
      Set<Address> tokens = queue.openWithdrawalTokens();
      Result<Map<Address, TokenLimits>> read = limitsSource.limits(tokens);
      if (read instanceof Result.Ok<Map<Address, TokenLimits>> ok) {
        limits = ok.value();
      } else {
        log.warn("token limits unavailable, withdrawals wait: {}", ((Result.Err<?>) read).detail());
      }
      long window = limits.values().stream().mapToLong(TokenLimits::periodSeconds).max().orElse(0);
      book =
          new SigningBook(
              queue.depositedPerToken(),
              queue.signedWithdrawalsPerToken(),
              queue.signedOutflowsSince(now.minusSeconds(window)));
    }
    Optional<Handovers> handover = handovers.get();
    Optional<TokenConfigs> configs = tokenConfigs.get();
    Optional<PauseGovernance> pause = pauses.get();
    Batches withHandovers = handover.map(h -> h.over(batches)).orElse(batches);
    Batches withConfigs = configs.map(c -> c.over(withHandovers)).orElse(withHandovers);
    Batches observed = pause.map(p -> p.over(withConfigs)).orElse(withConfigs);
    SigningContext context = new SigningContext(now, epoch.get(), observed, limits, book);
    int signed = 0;
    int held = 0;
    int refused = 0;
    for (BatchQueue.Open batch : open) {
      if (halt.halted()) {
        break;
      }
      SigningRequest request =
          new SigningRequest(batch.type(), batch.batchId(), batch.commitment(), batch.safeAt());
      SigningOutcome outcome = pipeline.run(request, context);
      if (outcome instanceof SigningOutcome.Signed s) {
        if (!publish(pub.get(), s, batch, book, now)) {
          break;
        }
        signed++;
      } else if (outcome instanceof SigningOutcome.Held h) {
        onHold(batch, h.stage(), h.hold(), book);
        held++;
      } else {
        refused++;
        if (!onRefusal(batch, (SigningOutcome.Refused) outcome, book)) {
          break;
        }
      }
    }
    if (!halt.halted() && handover.isPresent() && handOver(handover.get(), context, pub.get())) {
      signed++;
    }
    if (!halt.halted()
        && configs.isPresent()
        && configureToken(configs.get(), context, pub.get())) {
      signed++;
    }
    if (!halt.halted()
        && pause.isPresent()
        && signAtNonce(pause.get().current(), context, pub.get())) {
      signed++;
    }
    metrics.heldBatches(queue.heldCount());
    return new Round(Optional.empty(), signed, held, refused);
  }

  /**
   * Signs the hand-over to the next epoch once this validator's DKG for it confirmed; returns true
   * when a partial was handed to the publisher. A refusal never halts the batches: the hand-over
   * waits (a conflicting hand-over already signed for that epoch is refused by the signing
   * protection, and stays refused).
   */
  private boolean handOver(Handovers h, SigningContext context, PartialPublisher pub) {
    long next = context.epoch().epoch() + 1;
    if (governanceSigned.contains(
        signedKey(MessageType.EPOCH_CHANGE, UInt256.of(next), context.epoch().epoch()))) {
      return false;
    }
    Optional<EpochChange> change = h.confirmed(next);
    return change.isPresent()
        && signGovernance(
            new SigningRequest(
                MessageType.EPOCH_CHANGE, UInt256.of(next), change.get(), context.now()),
            context,
            pub);
  }

  /**
   * Signs the token configuration approved for the vault's current governance nonce, once per nonce
   * and epoch, in the same way as a hand-over (a refusal waits, never halts).
   */
  private boolean configureToken(TokenConfigs c, SigningContext context, PartialPublisher pub) {
    Optional<TokenConfig> config = c.current();
    return signAtNonce(config.map(x -> (SignedMessage) x), context, pub);
  }

  /**
   * Signs a governance message (token config, pauser update, unpause) approved for the vault's
   * current governance nonce, once per nonce and epoch; a refusal waits, never halts.
   */
  private boolean signAtNonce(
      Optional<SignedMessage> message, SigningContext context, PartialPublisher pub) {
    if (message.isEmpty()) {
      return false;
    }
    SignedMessage m = message.get();
    UInt256 nonce = governanceNonce(m);
    if (governanceSigned.contains(signedKey(m.type(), nonce, context.epoch().epoch()))) {
      return false;
    }
    return signGovernance(new SigningRequest(m.type(), nonce, m, context.now()), context, pub);
  }

  private static UInt256 governanceNonce(SignedMessage m) {
    if (m instanceof TokenConfig c) {
      return c.governanceNonce();
    }
    if (m instanceof PauserUpdate p) {
      return p.governanceNonce();
    }
    if (m instanceof Unpause u) {
      return u.governanceNonce();
    }
    throw new IllegalArgumentException(m.type() + " has no governance nonce");
  }

  private boolean signGovernance(
      SigningRequest request, SigningContext context, PartialPublisher pub) {
    SigningOutcome outcome = pipeline.run(request, context);
    String what = request.type() + " " + request.batchId();
    if (outcome instanceof SigningOutcome.Signed s) {
      try {
        pub.publish(s.partial());
      } catch (RuntimeException e) {
        log.warn("publishing the partial of {} failed: {}", what, e.toString());
        return false;
      }
      governanceSigned.add(signedKey(request.type(), request.batchId(), context.epoch().epoch()));
      if (s.fresh()) {
        metrics.signed(request.type());
      }
      log.info("signed {} in epoch {}", what, context.epoch().epoch());
      return true;
    }
    String why =
        outcome instanceof SigningOutcome.Held held
            ? held.stage() + ": " + held.hold().reason()
            : ((SigningOutcome.Refused) outcome).stage()
                + ": "
                + ((SigningOutcome.Refused) outcome).refuse().detail();
    if (!why.equals(governanceWait.put(request.type(), why))) {
      log.warn("{} not signed: {}", what, why); // logged once per reason, not every round
    }
    return false;
  }

  private static String signedKey(MessageType type, UInt256 batchId, long epoch) {
    return type + ":" + batchId + "@" + epoch;
  }

  private boolean publish(
      PartialPublisher pub,
      SigningOutcome.Signed s,
      BatchQueue.Open batch,
      SigningBook book,
      Instant now) {
    try {
      pub.publish(s.partial());
    } catch (RuntimeException e) {
      // The partial is recorded; the next round hands the same one over again.
      log.warn(
          "publishing the partial of {} {} failed: {}",
          batch.type(),
          batch.batchId(),
          e.toString());
      return false;
    }
    queue.markSigned(batch.type(), batch.batchId(), s.partial().epoch(), now);
    if (s.batch() instanceof ObservedBatch.Withdrawals w) {
      book.recordSigned(SigningStage.withdrawalTotals(w), now);
    }
    if (s.fresh()) {
      metrics.signed(batch.type());
      metrics.latency(Duration.between(batch.safeAt(), clock.instant()));
      log.info("signed {} {} in epoch {}", batch.type(), batch.batchId(), s.partial().epoch());
    }
    return true;
  }

  private void onHold(BatchQueue.Open batch, String stage, Verdict.Hold hold, SigningBook book) {
    if (hold.keepsOrder()) {
      hold.token().ifPresent(t -> book.block(t, batch.batchId()));
    }
    if (recordHold(batch, stage, hold.reason(), hold.token(), hold.retryAt())) {
      log.info("{} {} held by {}: {}", batch.type(), batch.batchId(), stage, hold.reason());
      if (stage.equals("limits")) {
        metrics.limitHold(hold.token().orElse(Address.ZERO));
      }
    }
  }

  /** Returns false when the round must stop (signing halted). */
  private boolean onRefusal(BatchQueue.Open batch, SigningOutcome.Refused r, SigningBook book) {
    Verdict.Refuse refuse = r.refuse();
    switch (refuse.refusal()) {
      case LOCKED_AMOUNT_EXCEEDED -> {
        // Retried every round: this validator may not have read the deposits yet.
        refuse.token().ifPresent(t -> book.block(t, batch.batchId()));
        if (recordHold(batch, r.stage(), refuse.detail(), refuse.token(), Optional.empty())) {
          log.warn("accountant refused {} {}: {}", batch.type(), batch.batchId(), refuse.detail());
          metrics.accountantRefusal(refuse.token().orElse(Address.ZERO));
        }
        return true;
      }
      case SIGNER_REFUSED -> {
        // No share for the epoch (yet): wait, the keys feature may load one.
        if (recordHold(batch, r.stage(), refuse.detail(), Optional.empty(), Optional.empty())) {
          log.warn("key signer refused {} {}: {}", batch.type(), batch.batchId(), refuse.detail());
        }
        return true;
      }
      default -> {
        // SECURITY: an equivocation attempt or a store that no longer matches what was read is
        // unexplained: stop signing altogether (fail closed).
        halt.halt("signing", refuse.refusal() + ": " + refuse.detail());
        return false;
      }
    }
  }

  /**
   * Stores a hold when it is new or its reason changed; returns true when the batch was not yet
   * held by this stage (for logs and counters, which count holds, not retries).
   */
  private boolean recordHold(
      BatchQueue.Open batch,
      String stage,
      String reason,
      Optional<Address> token,
      Optional<Instant> retryAt) {
    boolean newStage =
        batch.status() != BatchQueue.Status.HELD || !batch.holdStage().equals(Optional.of(stage));
    if (newStage || !batch.holdReason().equals(Optional.of(reason))) {
      queue.hold(batch.type(), batch.batchId(), stage, reason, token, retryAt);
    }
    return newStage;
  }

  private static Round idle(Idle why) {
    return new Round(Optional.of(why), 0, 0, 0);
  }
}
