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
import org.fedbridge.relayer.track.Outflow;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.vault.VaultSnapshot;
import org.junit.jupiter.api.Test;

/**
 * What the planner claims now and why the rest waits: the vault's own rules and numbers (challenge
 * window, size delay, {@code min(available, locked)}), counted down in nonce order.
 */
class ClaimPlannerTest {
  static final String ETH = VaultSnapshot.ETH;
  static final Instant POSTED = Instant.parse("2026-11-28T12:00:00Z");
  static final Duration CHALLENGE = Duration.ofSeconds(30);
  static final Instant NOW = POSTED.plusSeconds(60);

  /** ETH: 3,600 s period (sub-windows of 1,800 s), delay above 50 of 600 s. */
  static final long PERIOD = 3600;

  final ClaimPlanner planner = new ClaimPlanner(64, 3_000_000, 40_000);

  static VaultSnapshot vault(
      Instant at, boolean paused, long limit, long spent, long available, long locked) {
    var limits =
        new VaultClient.TokenLimits(
            ETH, true, BigInteger.valueOf(limit), PERIOD, BigInteger.valueOf(50), 600);
    var flow =
        new VaultClient.TokenFlow(
            BigInteger.valueOf(locked),
            BigInteger.ZERO,
            BigInteger.valueOf(spent),
            BigInteger.valueOf(available));
    return new VaultSnapshot(
        at,
        at,
        paused,
        paused ? 1 : 0,
        0,
        CHALLENGE,
        Map.of(ETH, new VaultSnapshot.TokenState(ETH, ETH, "ETH", 18, limits, flow)));
  }

  static VaultSnapshot vault(boolean paused, long limit, long spent, long locked) {
    return vault(NOW, paused, limit, spent, Math.max(0, limit - spent), locked);
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
        POSTED.plus(CHALLENGE),
        Stage.ROOT_POSTED);
  }

  static Outflow outflow(Instant at, long amount) {
    return new Outflow(ETH, at, BigInteger.valueOf(amount));
  }

  static Stage stageOf(ClaimPlanner.Plan plan, long nonce) {
    return hold(plan, nonce).stage();
  }

  static ClaimPlanner.Hold hold(ClaimPlanner.Plan plan, long nonce) {
    return plan.holds().stream()
        .filter(h -> h.nonce().equals(BigInteger.valueOf(nonce)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no hold for " + nonce + " in " + plan));
  }

  static List<Long> claimed(ClaimPlanner.Plan plan) {
    return plan.transactions().stream()
        .flatMap(List::stream)
        .map(c -> c.withdrawal().nonce().value().longValue())
        .toList();
  }

  /** Start of the vault's sub-window (1,800 s here) that {@code t} falls in, plus {@code n}. */
  static Instant slotStart(Instant t, int n) {
    long s = PERIOD / 2;
    return Instant.ofEpochSecond((t.getEpochSecond() / s + n) * s);
  }

  @Test
  void pausedVaultHoldsEverything() {
    var plan =
        planner.plan(List.of(claim(1, 5), claim(2, 6)), vault(true, 1000, 0, 1000), List.of());
    assertThat(plan.transactions()).isEmpty();
    assertThat(plan.holds()).extracting(ClaimPlanner.Hold::stage).containsOnly(Stage.PAUSED);
  }

  @Test
  void largeWithdrawalWaitsForItsDelayFromTheRootsPostingTime() {
    var plan =
        planner.plan(List.of(claim(1, 51), claim(2, 50)), vault(false, 1000, 0, 1000), List.of());
    ClaimPlanner.Hold held = plan.holds().get(0);
    assertThat(held.stage()).isEqualTo(Stage.DELAYED);
    assertThat(held.until()).isEqualTo(POSTED.plusSeconds(600));
    assertThat(held.detail()).contains("delay threshold").contains(held.until().toString());
    assertThat(plan.transactions()).hasSize(1);
    assertThat(plan.transactions().get(0))
        .extracting(c -> c.withdrawal().nonce().value().longValue())
        .containsExactly(2L);
    var later =
        planner.plan(
            List.of(claim(1, 51)),
            vault(POSTED.plusSeconds(600), false, 1000, 0, 1000, 1000),
            List.of());
    assertThat(later.holds()).isEmpty();
    assertThat(claimed(later)).containsExactly(1L);
  }

  @Test
  void aChallengeWindowHoldsTheRootsWithdrawalsUntilTheVaultsClaimableAt() {
    Instant inside = POSTED.plusSeconds(10);
    var plan =
        planner.plan(
            List.of(claim(1, 1), claim(2, 51)), vault(inside, false, 100, 0, 100, 100), List.of());
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.CHALLENGE_WINDOW);
    assertThat(hold(plan, 1).until()).isEqualTo(POSTED.plus(CHALLENGE));
    assertThat(hold(plan, 1).detail()).contains("challenge window until " + POSTED.plus(CHALLENGE));
    // A large one shows the later of the two: its delay (600 s) outlasts the window (30 s).
    assertThat(stageOf(plan, 2)).isEqualTo(Stage.DELAYED);
    assertThat(hold(plan, 2).until()).isEqualTo(POSTED.plusSeconds(600));
    assertThat(plan.transactions()).isEmpty();
    var after =
        planner.plan(
            List.of(claim(1, 1)),
            vault(POSTED.plus(CHALLENGE), false, 100, 0, 100, 100),
            List.of());
    assertThat(claimed(after)).containsExactly(1L);
  }

  @Test
  void aDelayShorterThanTheChallengeWindowWaitsForTheWindow() {
    var limits =
        new VaultClient.TokenLimits(ETH, true, BigInteger.valueOf(1000), PERIOD, BigInteger.ONE, 5);
    var flow =
        new VaultClient.TokenFlow(
            BigInteger.valueOf(1000), BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(1000));
    Instant inside = POSTED.plusSeconds(10);
    var s =
        new VaultSnapshot(
            inside,
            inside,
            false,
            0,
            0,
            CHALLENGE,
            Map.of(ETH, new VaultSnapshot.TokenState(ETH, ETH, "ETH", 18, limits, flow)));
    var plan = planner.plan(List.of(claim(1, 2)), s, List.of());
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.CHALLENGE_WINDOW);
    assertThat(hold(plan, 1).until()).isEqualTo(POSTED.plus(CHALLENGE));
  }

  @Test
  void periodLimitIsCountedAcrossTheWithdrawalsInNonceOrder() {
    // 100 per period, 70 counted in the window: 20 fits, then 15 does not (20 + 15 > 30), then
    // 10 does. The 70 and the 20 were (or will be) settled in the current sub-window, so the 15
    // fits only once that sub-window stops counting: three sub-windows after it began.
    var plan =
        planner.plan(
            List.of(claim(1, 20), claim(2, 15), claim(3, 10)),
            vault(false, 100, 70, 1000),
            List.of(outflow(NOW.minusSeconds(10), 70)));
    assertThat(stageOf(plan, 2)).isEqualTo(Stage.RATE_LIMITED);
    assertThat(hold(plan, 2).until()).isEqualTo(slotStart(NOW, 3));
    assertThat(hold(plan, 2).detail())
        .contains("period limit")
        .contains("claimable again from " + slotStart(NOW, 3));
    assertThat(plan.transactions().get(0))
        .extracting(c -> c.withdrawal().nonce().value().longValue())
        .containsExactly(1L, 3L);
  }

  @Test
  void theOldestOutflowLeavesTheWindowFirst() {
    // 60 settled two sub-windows ago and 30 in this one: a withdrawal of 40 fits as soon as the
    // 60 stops counting, at the next sub-window.
    Instant twoAgo = slotStart(NOW, -2).plusSeconds(5);
    var plan =
        planner.plan(
            List.of(claim(1, 40)),
            vault(false, 100, 90, 1000),
            List.of(outflow(twoAgo, 60), outflow(NOW.minusSeconds(1), 30)));
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.RATE_LIMITED);
    assertThat(hold(plan, 1).until()).isEqualTo(slotStart(NOW, 1));
  }

  @Test
  void withAnOutflowTheRelayerHasNotSeenTheHoldEndsAtTheEarliestAtTheNextSubWindow() {
    // The vault counts 70 that the relayer's own records do not show (its L1 watcher trails the
    // head): it cannot know when that leaves, only that nothing frees up before the next roll.
    var plan = planner.plan(List.of(claim(1, 40)), vault(false, 100, 70, 1000), List.of());
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.RATE_LIMITED);
    assertThat(hold(plan, 1).until()).isEqualTo(slotStart(NOW, 1));
    assertThat(hold(plan, 1).detail()).contains("at the earliest from " + slotStart(NOW, 1));
  }

  @Test
  void aNewPeriodHasTheWholeLimitAgain() {
    // 100 were settled long ago: the vault no longer counts them, and its number decides.
    var plan =
        planner.plan(
            List.of(claim(1, 30)),
            vault(false, 100, 0, 1000),
            List.of(outflow(NOW.minusSeconds(3 * PERIOD), 100)));
    assertThat(plan.holds()).isEmpty();
    assertThat(claimed(plan)).containsExactly(1L);
  }

  @Test
  void theVaultsAvailableDecidesNotTheRelayersOwnCount() {
    // The relayer saw nothing settled, yet the vault says only 10 may leave now: it waits.
    var plan = planner.plan(List.of(claim(1, 20)), vault(NOW, false, 100, 90, 10, 1000), List.of());
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.RATE_LIMITED);
    assertThat(plan.transactions()).isEmpty();
  }

  @Test
  void aboveThePeriodLimitOrWhatIsLockedIsBlockedWithAReason() {
    var plan =
        planner.plan(
            List.of(claim(1, 101), claim(2, 40)),
            vault(NOW.plusSeconds(600), false, 100, 0, 100, 30),
            List.of());
    assertThat(stageOf(plan, 1)).isEqualTo(Stage.BLOCKED);
    assertThat(hold(plan, 1).detail()).contains("period limit");
    assertThat(stageOf(plan, 2)).isEqualTo(Stage.BLOCKED);
    assertThat(hold(plan, 2).detail()).contains("holds less");
  }

  @Test
  void aVaultReadBeforeTheRootWasPostedDecidesNothing() {
    var plan =
        planner.plan(
            List.of(claim(1, 1)),
            vault(POSTED.minusSeconds(1), false, 100, 0, 100, 100),
            List.of());
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
    var plan = small.plan(ten, vault(false, 1000, 0, 1000), List.of());
    assertThat(plan.transactions()).extracting(List::size).containsExactly(4, 4, 2);
    assertThat(planner.batchSize()).isEqualTo(64);
  }
}
