package org.fedbridge.relayer.submit;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.types.Result;
import org.fedbridge.relayer.LoopLog;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.chain.GasKey;
import org.fedbridge.relayer.chain.L1Client;
import org.fedbridge.relayer.chain.VaultClient;
import org.fedbridge.relayer.chain.VaultError;
import org.fedbridge.relayer.chain.VaultErrors;
import org.fedbridge.relayer.fees.FeeOracle;
import org.fedbridge.relayer.fees.FeeQuote;
import org.fedbridge.relayer.track.ClaimProof;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.track.Transfers;
import org.fedbridge.relayer.vault.VaultMonitor;
import org.fedbridge.relayer.vault.VaultSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * The submission loop: first the outbox (see what was mined, replace what is stuck, resend what was
 * lost), then new work: post each certified withdrawal root once, then claim what the vault lets
 * out now in {@code claimMany} transactions. Every call is simulated first ({@code
 * eth_estimateGas}); "root already posted" and "already claimed" count as done, and other reverts
 * are shown on the transfer with the vault's decoded error instead of spending gas on them.
 */
public final class Submitter {
  private static final Logger log = LoggerFactory.getLogger(Submitter.class);
  private static final int CLAIM_WINDOW = 2_000;

  private final RelayerProperties.Submit settings;
  private final L1Client l1;
  private final VaultClient vault;
  private final VaultErrors errors;
  private final FeeOracle fees;
  private final VaultMonitor monitor;
  private final Transfers transfers;
  private final Outbox outbox;
  private final OutboxSender sender;
  private final ClaimPlanner planner;
  private final LoopLog problems = new LoopLog(log, "submitter");
  private boolean synced;

  Submitter(
      RelayerProperties.Submit settings,
      GasKey key,
      L1Client l1,
      VaultClient vault,
      VaultErrors errors,
      FeeOracle fees,
      VaultMonitor monitor,
      Transfers transfers,
      Outbox outbox,
      Clock clock) {
    this.settings = settings;
    this.l1 = l1;
    this.vault = vault;
    this.errors = errors;
    this.fees = fees;
    this.monitor = monitor;
    this.transfers = transfers;
    this.outbox = outbox;
    this.sender =
        new OutboxSender(l1, key, outbox, fees, errors, transfers, settings.stuckAfter(), clock);
    this.planner =
        new ClaimPlanner(
            settings.maxClaimsPerTransaction(),
            settings.claimGasBudget(),
            settings.claimGasEstimate());
  }

  /** The gas-paying address. */
  public String address() {
    return sender.address();
  }

  /** The planner's batch size: withdrawals per {@code claimMany} at the configured gas budget. */
  public int claimBatchSize() {
    return planner.batchSize();
  }

  /** Not the sending instance now: when it becomes it, it aligns its nonce with the chain first. */
  void standBy() {
    synced = false;
  }

  /** One pass; failures are logged once and retried on the next pass. */
  public void tick() {
    try {
      if (!synced) {
        sender.syncNonce();
        synced = true;
      }
      int inFlight = sender.track();
      Optional<VaultSnapshot> vaultState = monitor.snapshot();
      if (vaultState.isEmpty()) {
        return;
      }
      inFlight = postRoots(vaultState.get(), inFlight);
      claim(vaultState.get(), inFlight);
      problems.clear();
    } catch (IOException | RuntimeException e) {
      problems.report(e);
    }
  }

  private int postRoots(VaultSnapshot state, int inFlight) throws IOException {
    for (Transfers.PostableBatch b : transfers.postable(16)) {
      if (inFlight >= settings.maxInFlight()) {
        return inFlight;
      }
      if (outbox.rootBusy(b.batchId()) || vault.rootStatus(b.root()).posted()) {
        continue; // ours is on its way, or someone posted it (or revoked it): the watcher records
        // it
      }
      if (state.paused()) {
        transfers.batchProblem(
            b.batchId(), "the vault is paused: the root is posted after unpause");
        continue;
      }
      if (b.epoch() != state.epoch()) {
        transfers.batchProblem(
            b.batchId(),
            "certified by epoch "
                + b.epoch()
                + " but the vault is at epoch "
                + state.epoch()
                + ": waiting for the current federation's certificate");
        continue;
      }
      Result<Signature> signature = Signature.fromCompressed(b.signature());
      String data = vault.postRootCalldata(b.batchId(), b.root(), b.count(), signature.orThrow());
      Optional<Long> gas =
          simulate(
              data,
              error -> {
                if (!error.is("RootAlreadyPosted")) {
                  transfers.batchProblem(b.batchId(), "posting the root would revert: " + error);
                }
              });
      if (gas.isEmpty()) {
        continue;
      }
      FeeQuote quote = fees.quote();
      if (quote instanceof FeeQuote.AboveCeiling high) {
        transfers.batchProblem(
            b.batchId(), "L1 fees (" + high.needed() + " wei/gas) are above the relayer's ceiling");
        return inFlight;
      }
      sender.submit(
          OutboxEntity.Kind.POST_ROOT,
          b.batchId(),
          vault.address(),
          Numeric.hexStringToByteArray(data),
          gas.get(),
          (FeeQuote.Priced) quote,
          List.of());
      inFlight++;
    }
    return inFlight;
  }

  private void claim(VaultSnapshot state, int inFlight) throws IOException {
    Set<BigInteger> busy = outbox.busyNonces();
    List<ClaimProof> open = new ArrayList<>();
    for (ClaimProof c : transfers.claimable(CLAIM_WINDOW)) {
      if (!busy.contains(c.withdrawal().nonce().value())) {
        open.add(c);
      }
    }
    if (open.isEmpty()) {
      return;
    }
    ClaimPlanner.Plan plan = planner.plan(open, state, transfers.outflowsSince(windowStart(state)));
    for (ClaimPlanner.Hold h : plan.holds()) {
      transfers.hold(List.of(h.nonce()), h.stage(), h.detail(), h.until());
    }
    for (List<ClaimProof> batch : plan.transactions()) {
      if (inFlight >= settings.maxInFlight()) {
        return;
      }
      if (sendClaims(batch, state)) {
        inFlight++;
      }
    }
  }

  /** The start of the oldest sub-window any token's outflow limit still counts. */
  private static java.time.Instant windowStart(VaultSnapshot state) {
    java.time.Instant start = state.at();
    for (VaultSnapshot.TokenState t : state.tokenList()) {
      java.time.Instant s = t.slotStart(t.slotOf(state.at()) - 2);
      start = s.isBefore(start) ? s : start;
    }
    return start;
  }

  /**
   * Asks the vault, right before sending, about what the relayer's own records may not show yet
   * (its L1 watcher trails the head by the confirmations it waits for): claims whose root was
   * revoked or is still in its challenge window, and withdrawals someone else already claimed, are
   * dropped (the watcher records what happened to them). {@code claimMany} would skip a claimed
   * nonce rather than revert, so without this the relayer could pay gas for nothing.
   */
  private List<ClaimProof> stillClaimable(List<ClaimProof> batch, VaultSnapshot state)
      throws IOException {
    java.util.Map<org.fedbridge.core.types.Bytes32, Boolean> roots = new java.util.HashMap<>();
    List<ClaimProof> out = new ArrayList<>();
    for (ClaimProof c : batch) {
      Boolean rootOk = roots.get(c.root());
      if (rootOk == null) {
        VaultClient.RootStatus r = vault.rootStatus(c.root());
        // SECURITY: never claim from a revoked root, nor before its challenge window ends.
        rootOk = r.posted() && !r.revoked() && !state.at().isBefore(r.claimableAt());
        roots.put(c.root(), rootOk);
      }
      if (rootOk && !vault.isClaimed(c.withdrawal().nonce().value())) {
        out.add(c);
      }
    }
    return out;
  }

  /** Simulates, drops what the vault refuses (recording why), and sends the rest. */
  private boolean sendClaims(List<ClaimProof> batch, VaultSnapshot state) throws IOException {
    batch = new ArrayList<>(stillClaimable(batch, state));
    while (!batch.isEmpty()) {
      String data = vault.claimManyCalldata(batch.stream().map(Submitter::claim).toList());
      List<VaultError> refused = new ArrayList<>();
      Optional<Long> gas = simulate(data, refused::add);
      if (gas.isPresent() && gas.get() > settings.claimGasBudget() && batch.size() > 1) {
        batch = new ArrayList<>(batch.subList(0, batch.size() / 2)); // over budget: halve
        continue;
      }
      if (gas.isPresent()) {
        FeeQuote quote = fees.quote();
        List<BigInteger> nonces = batch.stream().map(c -> c.withdrawal().nonce().value()).toList();
        if (quote instanceof FeeQuote.AboveCeiling high) {
          transfers.hold(
              nonces,
              Stage.WAITING_FEES,
              "L1 fees ("
                  + high.needed()
                  + " wei/gas) are above the relayer's ceiling of "
                  + high.ceiling()
                  + "; anyone may claim it with the API's calldata",
              null);
          return false;
        }
        Outbox.Pending p =
            sender.submit(
                OutboxEntity.Kind.CLAIM,
                null,
                vault.address(),
                Numeric.hexStringToByteArray(data),
                gas.get(),
                (FeeQuote.Priced) quote,
                nonces);
        transfers.hold(nonces, Stage.CLAIMING, "claim sent in " + p.latest().hash(), null);
        return true;
      }
      VaultError error = refused.get(0);
      if (error.is("RootIsRevoked") || error.is("UnknownRoot")) {
        // SECURITY: revoked meanwhile: its withdrawals are never claimed (the watcher shows why).
        batch.removeIf(c -> c.root().toHex().equalsIgnoreCase(error.arg(0)));
        continue;
      }
      Optional<ClaimProof> culprit = culprit(batch, error);
      if (culprit.isEmpty()) {
        // Not about one withdrawal (paused, …): hold them all with the reason.
        Stage stage = error.is("Paused") ? Stage.PAUSED : Stage.BLOCKED;
        transfers.hold(
            batch.stream().map(c -> c.withdrawal().nonce().value()).toList(),
            stage,
            "the vault refuses the claim: " + error,
            null);
        return false;
      }
      batch.remove(culprit.get());
      BigInteger nonce = culprit.get().withdrawal().nonce().value();
      if (!error.is("AlreadyClaimed")) {
        Stage stage =
            switch (error.name()) {
              case "WithdrawalDelayed" -> Stage.DELAYED;
              case "PeriodLimitExceeded" -> Stage.RATE_LIMITED;
              default -> Stage.BLOCKED;
            };
        transfers.hold(List.of(nonce), stage, "the vault refuses the claim now: " + error, null);
      } // else: paid by someone else (a self-claim); the L1 watcher records it as claimed.
    }
    return false;
  }

  /** The withdrawal a per-withdrawal error names (by nonce, or by token for a limit). */
  private static Optional<ClaimProof> culprit(List<ClaimProof> batch, VaultError error) {
    return switch (error.name()) {
      case "AlreadyClaimed", "WithdrawalDelayed" ->
          batch.stream()
              .filter(c -> c.withdrawal().nonce().value().toString().equals(error.arg(0)))
              .findFirst();
      case "PeriodLimitExceeded", "InsufficientLocked", "SafeERC20FailedOperation" ->
          batch.stream()
              .filter(c -> c.withdrawal().l1Token().toHex().equalsIgnoreCase(error.arg(0)))
              .reduce((first, second) -> second); // the last of that token tipped it over
      case "EthTransferFailed", "InvalidRecipient" ->
          batch.stream()
              .filter(c -> c.withdrawal().l1Recipient().toHex().equalsIgnoreCase(error.arg(0)))
              .findFirst();
      default -> batch.size() == 1 ? Optional.of(batch.get(0)) : Optional.empty();
    };
  }

  /** {@code eth_estimateGas} plus the margin, or empty with the decoded revert reported. */
  private Optional<Long> simulate(String data, java.util.function.Consumer<VaultError> onRevert)
      throws IOException {
    L1Client.CallOutcome outcome = l1.estimateGas(sender.address(), vault.address(), data);
    if (outcome instanceof L1Client.CallOutcome.Reverted r) {
      onRevert.accept(
          errors.decode(r.revertData()).orElse(new VaultError("Reverted", List.of(r.message()))));
      return Optional.empty();
    }
    long estimate = Long.parseLong(((L1Client.CallOutcome.Returned) outcome).data());
    return Optional.of(estimate + estimate * settings.gasLimitMargin() / 100);
  }

  private static VaultClient.Claim claim(ClaimProof c) {
    return new VaultClient.Claim(c.withdrawal(), c.root(), c.index(), c.siblings());
  }
}
