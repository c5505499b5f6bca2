package org.fedbridge.validator.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.batch.BatchQueue.Outflow;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.testing.TestFederation;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's checks without any I/O: time, observations, limits and the book are all passed in.
 * (The protection and signing stages are tested against PostgreSQL elsewhere.)
 */
class SigningStagesTest {
  private static final Address ETH = Address.ZERO;
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address USER = Address.fromHex("0x00000000000000000000000000000000000000bb");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final TestFederation FEDERATION = TestFederation.create(3, 3, 4);
  private static final Domain DOMAIN =
      new Domain(
          UInt256.of(31337),
          Address.fromHex("0x00000000000000000000000000000000000000cc"),
          UInt256.of(1337),
          UInt256.ZERO);
  private static final TokenLimits ETH_LIMITS = new TokenLimits(true, wei(10), 3600, wei(4), 600);

  private static UInt256 wei(long n) {
    return UInt256.of(n);
  }

  private static Withdrawal w(long nonce, Address token, long amount) {
    return new Withdrawal(UInt256.of(nonce), token, USER, USER, UInt256.of(amount));
  }

  private static ObservedBatch.Withdrawals withdrawals(long id, Withdrawal... ws) {
    return new ObservedBatch.Withdrawals(UInt256.of(id), Bytes32.ZERO, List.of(ws));
  }

  private static SigningStage.Candidate candidate(ObservedBatch batch, Instant safeAt) {
    return new SigningStage.Candidate(
        new SigningRequest(batch.type(), batch.batchId(), batch.message(), safeAt),
        Optional.of(batch));
  }

  private static SigningContext context(Map<Address, TokenLimits> limits, SigningBook book) {
    return new SigningContext(
        NOW, FEDERATION.epoch(DOMAIN, 1), (type, id) -> Optional.empty(), limits, book);
  }

  private static SigningBook book(long depositedEth, List<Outflow> outflows) {
    return new SigningBook(Map.of(ETH, wei(depositedEth)), Map.of(), outflows);
  }

  // ------------------------------------------------------------------ own observation

  @Test
  void ownObservationPassesOnlyTheExactStoredBatch() {
    Deposit d = new Deposit(UInt256.ONE, ETH, USER, USER, wei(5));
    ObservedBatch stored = new ObservedBatch.Deposits(UInt256.of(9), Bytes32.ZERO, List.of(d));
    OwnObservationCheck check = new OwnObservationCheck();
    SigningContext ctx = context(Map.of(), SigningBook.empty());

    assertThat(check.check(candidate(stored, NOW), ctx)).isEqualTo(Verdict.PASS);

    SigningRequest other =
        new SigningRequest(
            MessageType.DEPOSIT_BATCH,
            UInt256.of(9),
            new DepositBatch(UInt256.of(9), Bytes32.fromHex("0x" + "01".repeat(32)), UInt256.ONE),
            NOW);
    Verdict mismatch = check.check(new SigningStage.Candidate(other, Optional.of(stored)), ctx);
    assertThat(mismatch).isInstanceOf(Verdict.Refuse.class);
    assertThat(((Verdict.Refuse) mismatch).refusal()).isEqualTo(Refusal.OBSERVATION_MISMATCH);

    Verdict missing = check.check(new SigningStage.Candidate(other, Optional.empty()), ctx);
    assertThat(((Verdict.Refuse) missing).refusal()).isEqualTo(Refusal.NOT_OBSERVED);

    // same root, other count: refused too
    SigningRequest count =
        new SigningRequest(
            MessageType.DEPOSIT_BATCH,
            UInt256.of(9),
            new DepositBatch(
                UInt256.of(9), ((DepositBatch) stored.message()).depositRoot(), UInt256.of(2)),
            NOW);
    assertThat(check.check(new SigningStage.Candidate(count, Optional.of(stored)), ctx))
        .isInstanceOf(Verdict.Refuse.class);
  }

  // ------------------------------------------------------------------ limits

  @Test
  void depositsAreNotLimited() {
    Deposit d = new Deposit(UInt256.ONE, ETH, USER, USER, wei(1_000));
    ObservedBatch deposits = new ObservedBatch.Deposits(UInt256.ONE, Bytes32.ZERO, List.of(d));
    assertThat(
            new LimitsCheck()
                .check(candidate(deposits, NOW), context(Map.of(), SigningBook.empty())))
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void periodLimitIsASlidingWindow() {
    LimitsCheck limits = new LimitsCheck();
    // 7 signed 30 min ago, 2 signed 10 min ago: 9 of 10 used in the last hour
    SigningBook book =
        book(
            100,
            List.of(
                new Outflow(ETH, wei(7), NOW.minus(Duration.ofMinutes(30))),
                new Outflow(ETH, wei(2), NOW.minus(Duration.ofMinutes(10)))));
    SigningContext ctx = context(Map.of(ETH, ETH_LIMITS), book);

    assertThat(limits.check(candidate(withdrawals(1, w(1, ETH, 1)), NOW), ctx))
        .isEqualTo(Verdict.PASS);
    Verdict over = limits.check(candidate(withdrawals(1, w(1, ETH, 2)), NOW), ctx);
    assertThat(over).isInstanceOf(Verdict.Hold.class);
    Verdict.Hold hold = (Verdict.Hold) over;
    assertThat(hold.token()).contains(ETH);
    assertThat(hold.keepsOrder()).isTrue();
    // 2 more fit once the 7 leave the window: 30 minutes from now
    assertThat(hold.retryAt()).contains(NOW.plus(Duration.ofMinutes(30)));
    // an outflow exactly one period old has left the window
    SigningBook old = book(100, List.of(new Outflow(ETH, wei(10), NOW.minusSeconds(3600))));
    assertThat(
            limits.check(
                candidate(withdrawals(1, w(1, ETH, 10)), NOW),
                context(Map.of(ETH, ETH_LIMITS), old)))
        .isInstanceOf(Verdict.Hold.class)
        .extracting(v -> ((Verdict.Hold) v).reason())
        .asString()
        .contains("delay");
  }

  @Test
  void batchAboveTheWholePeriodLimitWaitsForTheLimitToBeRaised() {
    Verdict v =
        new LimitsCheck()
            .check(
                candidate(withdrawals(1, w(1, ETH, 4), w(2, ETH, 4), w(3, ETH, 3)), NOW),
                context(Map.of(ETH, ETH_LIMITS), book(100, List.of())));
    assertThat(v).isInstanceOf(Verdict.Hold.class);
    assertThat(((Verdict.Hold) v).reason()).contains("above its whole period limit");
    assertThat(((Verdict.Hold) v).retryAt()).isEmpty();
  }

  @Test
  void largeWithdrawalWaitsOutTheDelayAfterItBecameSafe() {
    LimitsCheck limits = new LimitsCheck();
    SigningContext ctx = context(Map.of(ETH, ETH_LIMITS), book(100, List.of()));
    ObservedBatch big = withdrawals(1, w(1, ETH, 1), w(2, ETH, 5));

    Verdict early = limits.check(candidate(big, NOW.minusSeconds(599)), ctx);
    assertThat(early).isInstanceOf(Verdict.Hold.class);
    assertThat(((Verdict.Hold) early).retryAt()).contains(NOW.plusSeconds(1));
    assertThat(((Verdict.Hold) early).keepsOrder()).isFalse();
    assertThat(limits.check(candidate(big, NOW.minusSeconds(600)), ctx)).isEqualTo(Verdict.PASS);
    // at the threshold exactly is not "above"
    assertThat(limits.check(candidate(withdrawals(1, w(1, ETH, 4)), NOW), ctx))
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void unknownLimitsAndQueuedTokensHold() {
    LimitsCheck limits = new LimitsCheck();
    Verdict unknown =
        limits.check(
            candidate(withdrawals(1, w(1, TOKEN, 1)), NOW),
            context(Map.of(ETH, ETH_LIMITS), book(100, List.of())));
    assertThat(unknown).isInstanceOf(Verdict.Hold.class);
    assertThat(((Verdict.Hold) unknown).reason()).contains("not read from L1");

    SigningBook book = book(100, List.of());
    book.block(ETH, UInt256.of(4));
    SigningContext ctx = context(Map.of(ETH, ETH_LIMITS), book);
    Verdict queued = limits.check(candidate(withdrawals(5, w(1, ETH, 1)), NOW), ctx);
    assertThat(((Verdict.Hold) queued).reason()).contains("queued behind held withdrawal batch 4");
    // the held batch itself is not queued behind itself
    assertThat(limits.check(candidate(withdrawals(4, w(1, ETH, 1)), NOW), ctx))
        .isEqualTo(Verdict.PASS);

    Verdict unregistered =
        limits.check(
            candidate(withdrawals(1, w(1, ETH, 1)), NOW),
            context(
                Map.of(ETH, new TokenLimits(false, wei(0), 0, wei(0), 0)), book(100, List.of())));
    assertThat(((Verdict.Hold) unregistered).reason()).contains("no period limit");
  }

  @Test
  void withdrawalTheVaultCanNeverPayHoldsItsBatch() {
    LimitsCheck limits = new LimitsCheck();
    SigningContext ctx = context(Map.of(ETH, ETH_LIMITS), book(100, List.of()));
    Address vault = DOMAIN.vault();
    for (Address bad : new Address[] {Address.ZERO, vault}) {
      Withdrawal w = new Withdrawal(UInt256.ONE, ETH, USER, bad, wei(1));
      Verdict v = limits.check(candidate(withdrawals(1, w), NOW), ctx);
      assertThat(v).isInstanceOf(Verdict.Hold.class);
      assertThat(((Verdict.Hold) v).reason()).contains("can never be paid");
    }
  }

  // ------------------------------------------------------------------ accountant

  @Test
  void accountantNeverCertifiesMoreThanIsLocked() {
    AccountantCheck accountant = new AccountantCheck();
    SigningBook book = new SigningBook(Map.of(ETH, wei(10)), Map.of(ETH, wei(4)), List.of());
    SigningContext ctx = context(Map.of(ETH, ETH_LIMITS), book);

    assertThat(accountant.check(candidate(withdrawals(1, w(1, ETH, 3), w(2, ETH, 3)), NOW), ctx))
        .isEqualTo(Verdict.PASS);
    Verdict over =
        accountant.check(candidate(withdrawals(1, w(1, ETH, 6), w(2, ETH, 1)), NOW), ctx);
    assertThat(over).isInstanceOf(Verdict.Refuse.class);
    assertThat(((Verdict.Refuse) over).refusal()).isEqualTo(Refusal.LOCKED_AMOUNT_EXCEEDED);
    assertThat(((Verdict.Refuse) over).token()).contains(ETH);
    // a token never deposited has nothing locked
    Verdict none = accountant.check(candidate(withdrawals(1, w(1, TOKEN, 1)), NOW), ctx);
    assertThat(((Verdict.Refuse) none).token()).contains(TOKEN);
    // what the round signs leaves the locked amount at once
    book.recordSigned(Map.of(ETH, BigInteger.valueOf(5)), NOW);
    assertThat(accountant.check(candidate(withdrawals(2, w(3, ETH, 2)), NOW), ctx))
        .isInstanceOf(Verdict.Refuse.class);
    assertThat(accountant.check(candidate(withdrawals(2, w(3, ETH, 1)), NOW), ctx))
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void stricterOfTwoReadingsKeepsTheTighterOfEachLimit() {
    TokenLimits a = new TokenLimits(true, wei(10), 3600, wei(4), 600);
    TokenLimits b = new TokenLimits(true, wei(20), 7200, wei(2), 60);
    assertThat(a.stricter(b)).isEqualTo(new TokenLimits(true, wei(10), 7200, wei(2), 600));
  }

  @Test
  void withdrawalBatchMessageIsWhatTheVaultVerifies() {
    ObservedBatch.Withdrawals b = withdrawals(3, w(1, ETH, 1), w(2, TOKEN, 2));
    assertThat(b.message())
        .isEqualTo(WithdrawalBatch.of(UInt256.of(3), List.of(w(1, ETH, 1), w(2, TOKEN, 2))));
  }
}
