package org.fedbridge.sidechain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;

/** The history window: the state at any recent block reads exactly as it did at that block. */
class LedgerHistoryTest {
  static final long CHAIN = 1337;
  static final List<TestAccounts.Account> A = TestAccounts.many("history", 2);
  static final Genesis GENESIS = TestGenesis.of(CHAIN, A, "0");
  static final Address BOB = TestAccounts.derived("history-bob", 0).address();

  record Snapshot(long nonce, UInt256 alice, UInt256 bob) {
    static Snapshot of(StateReader s) {
      return new Snapshot(
          s.nonce(A.get(0).address()), s.balance(A.get(0).address()), s.balance(BOB));
    }
  }

  @Test
  void everyBlockInTheWindowReadsAsItDidAndOlderOnesAreRefused() {
    int window = 3;
    LedgerHarness h = new LedgerHarness(GENESIS, 100, window);
    List<Snapshot> truth = new ArrayList<>();
    truth.add(Snapshot.of(h.ledger().state()));
    for (int n = 1; n <= 8; n++) {
      // block n: alice pays bob n wei (and bob's account first appears in block 1)
      h.tx(TestAccounts.transfer(A.get(0), CHAIN, n - 1, BOB, BigInteger.valueOf(n)));
      h.tick().orElseThrow();
      truth.add(Snapshot.of(h.ledger().state()));
    }
    long head = h.ledger().head().number();
    assertThat(head).isEqualTo(8);
    assertThat(h.ledger().oldestReadableBlock()).isEqualTo(head - window);
    for (long n = head - window; n <= head; n++) {
      assertThat(Snapshot.of(h.ledger().stateAt(n).orElseThrow()))
          .as("block %d", n)
          .isEqualTo(truth.get((int) n));
    }
    assertThat(h.ledger().stateAt(head - window - 1)).isEmpty();
    assertThat(truth.get(0).bob()).isEqualTo(UInt256.ZERO); // absent then, present now
    assertThat(truth.get(8).bob()).isEqualTo(UInt256.of(36));
  }

  @Test
  void aPastBlocksStateStaysThatBlocksUntilItLeavesTheWindow() {
    LedgerHarness h = new LedgerHarness(GENESIS, 100, 2);
    h.tx(TestAccounts.transfer(A.get(0), CHAIN, 0, BOB, BigInteger.ONE));
    h.tick().orElseThrow();
    StateReader atOne = h.ledger().stateAt(1).orElseThrow();
    h.tx(TestAccounts.transfer(A.get(0), CHAIN, 1, BOB, BigInteger.TEN));
    h.tick().orElseThrow();
    assertThat(atOne.balance(BOB)).isEqualTo(UInt256.ONE); // not the newer 11
    assertThat(h.ledger().state().balance(BOB)).isEqualTo(UInt256.of(11));
    for (int n = 2; n < 5; n++) {
      h.tx(TestAccounts.transfer(A.get(0), CHAIN, n, BOB, BigInteger.ONE));
      h.tick().orElseThrow();
    }
    assertThatThrownBy(() -> atOne.balance(BOB)).isInstanceOf(HistoricalStateUnavailable.class);
  }

  @Test
  void withoutAWindowOnlyTheLatestStateIsKept() {
    LedgerHarness h = new LedgerHarness(GENESIS, 100);
    h.tx(TestAccounts.transfer(A.get(0), CHAIN, 0, BOB, BigInteger.ONE));
    h.tick().orElseThrow();
    assertThat(h.ledger().stateAt(0)).isEmpty();
    assertThat(h.ledger().stateAt(1).orElseThrow().balance(BOB)).isEqualTo(UInt256.ONE);
  }
}
