package org.fedbridge.relayer.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.relayer.chain.VaultClient;
import org.fedbridge.relayer.track.ClaimProof;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.vault.VaultSnapshot;
import org.junit.jupiter.api.Test;

/** What the planner claims now and why the rest waits: the vault's own rules, in nonce order. */
class ClaimPlannerTest {
  static final String ETH = VaultSnapshot.ETH;
  static final Instant POSTED = Instant.parse("2026-11-28T12:00:00Z");
  static final Instant NOW = POSTED.plusSeconds(60);

  final ClaimPlanner planner = new ClaimPlanner(64, 3_000_000, 40_000);

  static VaultSnapshot vault(
      boolean paused, long limit, long spent, Instant periodStart, long locked) {
    var limits =
        new VaultClient.TokenLimits(
            ETH, true, BigInteger.valueOf(limit), 3600, BigInteger.valueOf(50), 600);
    var flow =
        new VaultClient.TokenFlow(
            BigInteger.valueOf(locked), BigInteger.valueOf(spent), periodStart);
    return new VaultSnapshot(
        NOW,
        NOW,
        paused,
        0,
        Duration.ZERO,
        Map.of(ETH, new VaultSnapshot.TokenState(ETH, ETH, "ETH", 18, limits, flow)));
  }

  static ClaimProof claim(long nonce, long amount) {
    Withdrawal w =
        new Withdrawal(
            UInt256.of(nonce),
            Address.ZERO,
            Address.fromHex("0x" + "11".repeat(20)),
            Address.fromHex("0x" + "22".repeat(20)),
            UInt256.of(amount));
    return new ClaimProof(
        w,
        7,
        Bytes32.fromHex("0x" + "33".repeat(32)),
        1,
        0,
        List.of(),
        0L,
        new byte[48],
        POSTED,
        Stage.ROOT_POSTED);
  }

  static Stage stageOf(ClaimPlanner.Plan plan, long nonce) {
    return plan.holds().stream()
        .filter(h -> h.nonce().equals(BigInteger.valueOf(nonce)))
        .map(ClaimPlanner.Hold::stage)
        .findFirst()
        .orElse(null);
  }

  @Test
  void pausedVaultHoldsEverything() {
    var plan =
        planner.plan(
            List.of(claim(1, 5), claim(2, 6)),
            vault(true, 1000, 0, POSTED, 1000),
            NOW,
            Duration.ZERO);
    assertThat(plan.transactions()).isEmpty();
    assertThat(plan.holds()).extracting(ClaimPlanner.Hold::stage).containsOnly(Stage.PAUSED);
  }

  @Test
  void largeWithdrawalWaitsForItsDelayFromTheRootsPostingTime() {
    var plan =
        planner.plan(
            List.of(claim(1, 51), claim(2, 50)),
            vault(false, 1000, 0, POSTED, 1000),
            NOW,
            Duration.ZERO);
    ClaimPlanner.Hold held = plan.holds().get(0);
    assertThat(held.stage()).isEqualTo(Stage.DELAYED);
    assertThat(held.until()).isEqualTo(POSTED.plusSeconds(600));
    assertThat(plan.transactions()).hasSize(1);
    assertThat(plan.transactions().get(0))
        .extracting(c -> c.withdrawal().nonce().value().longValue())
        .containsExactly(2L);
    var later =
        planner.plan(
            List.of(claim(1, 51)),
            vault(false, 1000, 0, POSTED, 1000),
            POSTED.plusSeconds(600),
            Duration.ZERO);
    assertThat(later.holds()).isEmpty();
  }

  @Test
  void periodLimitIsCountedAcrossTheWithdrawalsInNonceOrder() {
    // 100 per period, 70 spent: 20 fits, then 15 does not (20 + 15 > 30), then 10 does.
    var plan =
        planner.plan(
            List.of(claim(1, 20), claim(2, 15), claim(3, 10)),
            vault(false, 100, 70, NOW.minusSeconds(10), 1000),
            NOW,
            Duration.ZERO);
    assertThat(stageOf(plan, 2)).isEqualTo(Stage.RATE_LIMITED);
    assertThat(plan.holds().get(0).until()).isEqualTo(NOW.minusSeconds(10).plusSeconds(3600));
    assertThat(plan.transactions().get(0))
        .extracting(c -> c.withdrawal().nonce().value().longValue())
        .containsExactly(1L, 3L);
  }

  @Test
  void aNewPeriodHasTheWholeLimitAgain() {
    var plan =
        planner.plan(
            List.of(claim(1, 30)),
            vault(false, 100, 100, NOW.minusSeconds(3600), 1000),
            NOW,
            Duration.ZERO);
    assertThat(plan.holds()).isEmpty();
  }

  @Test
  void aboveThePeriodLimitOrWhatIsLockedIsBlockedWithAReason() {
    var plan =
        planner.plan(
            List.of(claim(1, 101), claim(2, 40)),
            vault(false, 100, 0, POSTED, 30),
            NOW.plusSeconds(600),
            Duration.ZERO);
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.BLOCKED);
    assertThat(plan.holds().get(0).detail()).contains("period limit");
    assertThat(stageOf(plan, 2)).isEqualTo(Stage.BLOCKED);
    assertThat(plan.holds().get(1).detail()).contains("holds less");
  }

  @Test
  void aChallengeWindowHoldsTheRootsWithdrawals() {
    var plan =
        planner.plan(
            List.of(claim(1, 1)), vault(false, 100, 0, POSTED, 100), NOW, Duration.ofMinutes(5));
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.CHALLENGE_WINDOW);
    assertThat(plan.holds().get(0).until()).isEqualTo(POSTED.plusSeconds(300));
  }

  @Test
  void aVaultReadBeforeTheRootWasPostedDecidesNothing() {
    var plan =
        planner.plan(
            List.of(claim(1, 1)),
            vault(false, 100, 0, POSTED, 100),
            POSTED.minusSeconds(1),
            Duration.ZERO);
    assertThat(plan.holds()).isEmpty();
    assertThat(plan.transactions()).isEmpty();
  }

  @Test
  void readyWithdrawalsAreCutIntoTransactionsUnderTheGasBudget() {
    ClaimPlanner small = new ClaimPlanner(64, 200_000, 40_000); // (200k - 31k) / 40k = 4
    assertThat(small.batchSize()).isEqualTo(4);
    List<ClaimProof> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(claim(i, 1));
    }
    var plan = small.plan(ten, vault(false, 1000, 0, POSTED, 1000), NOW, Duration.ZERO);
    assertThat(plan.transactions()).extracting(List::size).containsExactly(4, 4, 2);
    assertThat(planner.batchSize()).isEqualTo(64);
  }
}
