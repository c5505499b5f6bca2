package org.fedbridge.relayer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.fees.FeeOracle;
import org.fedbridge.relayer.fees.FeeQuote;
import org.fedbridge.relayer.submit.SubmitStatus;
import org.fedbridge.relayer.track.ChainHeads;
import org.fedbridge.relayer.vault.VaultMonitor;
import org.fedbridge.relayer.vault.VaultSnapshot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tokens with their limits in force, the fee the relayer expects for a claim, its status. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "bridge", description = "Tokens, limits, fees and the relayer's status")
class InfoController {
  private static final Duration FEE_CACHE = Duration.ofSeconds(2);

  private final VaultMonitor vault;
  private final FeeOracle fees;
  private final SubmitStatus submit;
  private final ChainHeads heads;
  private final RelayerProperties properties;
  private final Clock clock;
  private final AtomicReference<Quoted> lastQuote = new AtomicReference<>();

  InfoController(
      VaultMonitor vault,
      FeeOracle fees,
      SubmitStatus submit,
      ChainHeads heads,
      RelayerProperties properties,
      Clock clock) {
    this.vault = vault;
    this.fees = fees;
    this.submit = submit;
    this.heads = heads;
    this.properties = properties;
    this.clock = clock;
  }

  private record Quoted(FeeQuote quote, Instant at) {}

  record Limits(String periodLimit, long periodSeconds, String delayThreshold, long delaySeconds) {}

  @Schema(
      description =
          "The vault's outflow window: an outflow counts in its sub-window of ⌈periodSeconds/2⌉"
              + " and the two after it, so for one to one and a half periods")
  record Period(
      @Schema(description = "Settled outflow the vault's window counts now") String spent,
      @Schema(description = "What the period limit lets out now") String available,
      @Schema(description = "What one claim can take now: min(available, locked)")
          String claimableNow,
      long subWindowSeconds,
      @Schema(description = "When the window next moves on") Instant nextRollAt) {}

  record TokenInfo(
      String symbol,
      int decimals,
      String l1Token,
      String sidechainToken,
      boolean registered,
      Limits limits,
      Period period,
      @Schema(description = "Deposited and not yet paid out, held by the vault") String locked,
      @Schema(description = "Payouts that failed, owed to their recipients until they pull them")
          String owed) {}

  record Tokens(
      boolean paused,
      long epoch,
      @Schema(description = "Every posted root waits this long before it pays")
          long challengePeriodSeconds,
      Instant readAt,
      List<TokenInfo> tokens) {}

  record Fees(
      String maxFeePerGas,
      String maxPriorityFeePerGas,
      String nextBaseFee,
      String ceiling,
      boolean aboveCeiling,
      @Schema(
              description =
                  "Gas per withdrawal as the relayer batches them (its share of the root post included)")
          long gasPerWithdrawal,
      @Schema(description = "Expected L1 fee per withdrawal in wei (gas × (base fee + tip))")
          String expectedFeePerWithdrawal,
      int withdrawalsPerClaim) {}

  record Status(
      long l1Head,
      long sidechainHead,
      Boolean vaultPaused,
      @Schema(description = "How many times the vault was paused") Long vaultPauseCount,
      Long vaultEpoch,
      String gasAccount,
      boolean submitting) {}

  @GetMapping("/tokens")
  @Operation(
      summary = "Supported tokens on both chains, their limits and what is left in the period")
  Tokens tokens() {
    VaultSnapshot s = snapshot();
    return new Tokens(
        s.paused(),
        s.epoch(),
        s.challengePeriod().toSeconds(),
        s.readAt(),
        s.tokenList().stream()
            .map(
                t ->
                    new TokenInfo(
                        t.symbol(),
                        t.decimals(),
                        t.l1Token(),
                        t.sidechainToken(),
                        t.limits().registered(),
                        new Limits(
                            t.limits().periodLimit().toString(),
                            t.limits().periodSeconds(),
                            t.limits().delayThreshold().toString(),
                            t.limits().delaySeconds()),
                        new Period(
                            t.flow().spentInWindow().toString(),
                            t.flow().available().toString(),
                            t.flow().claimableNow().toString(),
                            t.slotSeconds(),
                            t.nextRollAt(s.at())),
                        t.flow().locked().toString(),
                        t.flow().owed().toString()))
            .toList());
  }

  @GetMapping("/fees")
  @Operation(summary = "The L1 fee the relayer expects to pay per withdrawal")
  Fees fees() {
    FeeQuote quote = quote();
    int batch = Math.max(1, submit.claimBatchSize());
    long gas =
        properties.submit().claimGasEstimate() + properties.api().estimates().postRootGas() / batch;
    BigInteger ceiling = properties.fees().maxFeeCeiling();
    if (quote instanceof FeeQuote.Priced p) {
      return new Fees(
          p.maxFeePerGas().toString(),
          p.maxPriorityFeePerGas().toString(),
          p.nextBaseFee().toString(),
          ceiling.toString(),
          false,
          gas,
          BigInteger.valueOf(gas)
              .multiply(p.nextBaseFee().add(p.maxPriorityFeePerGas()))
              .toString(),
          batch);
    }
    FeeQuote.AboveCeiling a = (FeeQuote.AboveCeiling) quote;
    return new Fees(
        null,
        null,
        null,
        ceiling.toString(),
        true,
        gas,
        BigInteger.valueOf(gas).multiply(a.needed()).toString(),
        batch);
  }

  @GetMapping("/status")
  @Operation(summary = "The relayer's view of both chains and whether it submits")
  Status status() {
    var s = vault.snapshot();
    return new Status(
        heads.l1().number(),
        heads.sidechain().number(),
        s.map(VaultSnapshot::paused).orElse(null),
        s.map(VaultSnapshot::pauseCount).orElse(null),
        s.map(VaultSnapshot::epoch).orElse(null),
        submit.address().orElse(null),
        submit.address().isPresent());
  }

  private VaultSnapshot snapshot() {
    return vault
        .snapshot()
        .orElseThrow(
            () -> new ApiException(ApiError.UNAVAILABLE, "the relayer has not read the vault yet"));
  }

  private FeeQuote quote() {
    Quoted q = lastQuote.get();
    Instant now = clock.instant();
    if (q != null && q.at().plus(FEE_CACHE).isAfter(now)) {
      return q.quote();
    }
    try {
      FeeQuote fresh = fees.quote();
      lastQuote.set(new Quoted(fresh, now));
      return fresh;
    } catch (IOException e) {
      throw new ApiException(ApiError.UNAVAILABLE, "L1 fee history is not available now");
    }
  }
}
