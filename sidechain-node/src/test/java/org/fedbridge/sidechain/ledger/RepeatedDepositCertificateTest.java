package org.fedbridge.sidechain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;

/**
 * Every validator submits each deposit certificate, so the log carries repeats: a replica skips a
 * record whose deposits are all minted without checking its signature. These tests hold that
 * shortcut to "changes nothing": repeats mint once, and a record with one new deposit among minted
 * ones is still verified in full.
 */
class RepeatedDepositCertificateTest {
  static final long CHAIN = 1337;
  static final List<TestAccounts.Account> A = TestAccounts.many("repeat", 2);
  static final Genesis GENESIS = TestGenesis.of(CHAIN, A, "0");
  static final Address TOKEN = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);
  static final BigInteger ONE = TestGenesis.ETHER;
  static final Address ALICE = A.get(0).address();
  static final Address BOB = A.get(1).address();
  static final TestFederation FEDERATION = TestFederation.epoch0();
  static final TestFederation STRANGER = TestFederation.of("stranger", 0);

  static final List<Deposit> TWO =
      List.of(
          TestFederation.deposit(1, Address.ZERO, BOB, ONE),
          TestFederation.deposit(2, TestGenesis.L1_TOKEN, ALICE, ONE));

  @Test
  void repeatsInTheSameBlockAndLaterMintOnceAndLeaveTheStateOfOneCopy() {
    byte[] certificate = LogRecords.depositCertificate(FEDERATION.deposits(CHAIN, 10, TWO));
    LedgerHarness once = new LedgerHarness(GENESIS, 100);
    once.apply(certificate);
    once.tick();

    LedgerHarness repeated = new LedgerHarness(GENESIS, 100);
    UInt256 bobBefore = repeated.ledger().state().balance(BOB);
    repeated.apply(certificate);
    repeated.apply(certificate); // before the block is cut: the pending state has the mints
    repeated.tick();
    repeated.apply(certificate); // after it
    // the same deposits under a signature of nobody's: a no-op too, not a refusal that differs
    repeated.apply(LogRecords.depositCertificate(STRANGER.deposits(CHAIN, 10, TWO)));
    assertThat(repeated.tick()).as("nothing pending: the repeats added nothing").isEmpty();

    assertThat(repeated.blocks()).hasSize(2);
    assertThat(repeated.last().transactions()).hasSize(1);
    assertThat(repeated.ledger().stateRoot()).isEqualTo(once.ledger().stateRoot());
    assertThat(repeated.ledger().state().balance(BOB))
        .isEqualTo(new UInt256(bobBefore.value().add(ONE)));
    assertThat(repeated.ledger().state().depositMinted(UInt256.of(2))).isTrue();
  }

  @Test
  void aForgedCertificateAddingOneNewDepositToMintedOnesMintsNothingExploit() {
    LedgerHarness h = new LedgerHarness(GENESIS, 100);
    h.apply(LogRecords.depositCertificate(FEDERATION.deposits(CHAIN, 10, TWO)));
    h.tick();
    var root = h.ledger().stateRoot();
    UInt256 aliceBefore = h.ledger().state().balance(ALICE);

    // SECURITY: the shortcut covers only records with nothing new; this one must be verified.
    List<Deposit> plusOne =
        List.of(TWO.get(0), TWO.get(1), TestFederation.deposit(3, Address.ZERO, ALICE, ONE));
    h.apply(LogRecords.depositCertificate(STRANGER.deposits(CHAIN, 11, plusOne)));
    assertThat(h.tick()).isEmpty();

    assertThat(h.ledger().state().depositMinted(UInt256.of(3))).isFalse();
    assertThat(h.ledger().state().balance(ALICE)).isEqualTo(aliceBefore);
    assertThat(h.ledger().stateRoot()).isEqualTo(root);

    // the genuine certificate with the new deposit still mints it
    h.apply(LogRecords.depositCertificate(FEDERATION.deposits(CHAIN, 11, plusOne)));
    assertThat(h.tick()).isPresent();
    assertThat(h.ledger().state().depositMinted(UInt256.of(3))).isTrue();
    assertThat(h.ledger().state().balance(ALICE))
        .isEqualTo(new UInt256(aliceBefore.value().add(ONE)));
  }
}
