package org.fedbridge.sidechain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;

class LedgerTest {
  static final long CHAIN = 1337;
  static final List<TestAccounts.Account> A = TestAccounts.many("ledger", 3);
  static final Genesis GENESIS = TestGenesis.of(CHAIN, A, "0");
  static final Address TOKEN = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);
  static final BigInteger ONE = TestGenesis.ETHER;

  private static StateReader state(LedgerHarness h) {
    return h.ledger().state();
  }

  private static UInt256 u(BigInteger v) {
    return new UInt256(v);
  }

  @Test
  void cutsABlockEveryNTransactionsAndAtATickWithSomethingPending() {
    LedgerHarness h = new LedgerHarness(GENESIS, 3);
    assertThat(h.tick()).isEmpty(); // nothing new: no-op
    h.tx(TestAccounts.transfer(A.get(0), CHAIN, 0, A.get(1).address(), ONE));
    h.tx(TestAccounts.transfer(A.get(0), CHAIN, 1, A.get(1).address(), ONE));
    Optional<Block> third =
        h.tx(TestAccounts.transfer(A.get(0), CHAIN, 2, A.get(1).address(), ONE));
    assertThat(third).isPresent();
    assertThat(third.get().transactions()).hasSize(3);
    h.tx(TestAccounts.transfer(A.get(0), CHAIN, 3, A.get(1).address(), ONE));
    Optional<Block> ticked = h.tick();
    assertThat(ticked).isPresent();
    assertThat(ticked.get().number()).isEqualTo(2);
    assertThat(ticked.get().header().parentHash()).isEqualTo(third.get().hash());
    assertThat(ticked.get().header().timestamp()).isGreaterThan(third.get().header().timestamp());
    assertThat(h.tick()).isEmpty();
    assertThat(state(h).nonce(A.get(0).address())).isEqualTo(4);
    assertThat(state(h).balance(A.get(1).address()))
        .isEqualTo(u(ONE.multiply(BigInteger.valueOf(1_000_004))));
  }

  @Test
  void invalidTransactionsAreDroppedNotIncluded() {
    LedgerHarness h = new LedgerHarness(GENESIS, 100);
    TestAccounts.Account poor = TestAccounts.derived("poor", 0);
    h.tx(TestAccounts.transfer(A.get(0), CHAIN, 5, A.get(1).address(), ONE)); // nonce gap
    h.tx(TestAccounts.transfer(poor, CHAIN, 0, A.get(1).address(), ONE)); // no funds
    h.tx(TestAccounts.transfer(A.get(0), CHAIN + 1, 0, A.get(1).address(), ONE)); // other chain
    h.tx(new byte[] {0x02, 0x01}); // garbage
    assertThat(h.tick()).isEmpty();
    assertThat(h.ledger().head().number()).isZero();
  }

  @Test
  void theSameLogGivesTheSameBlocks() {
    LedgerHarness a = new LedgerHarness(GENESIS, 2);
    LedgerHarness b = new LedgerHarness(GENESIS, 2);
    for (int i = 0; i < 5; i++) {
      byte[] raw = TestAccounts.transfer(A.get(i % 2), CHAIN, i / 2, A.get(2).address(), ONE);
      a.tx(raw);
      b.tx(raw);
    }
    a.tick();
    b.tick();
    assertThat(a.blocks()).hasSize(4);
    for (int i = 0; i < a.blocks().size(); i++) {
      assertThat(a.blocks().get(i).hash()).isEqualTo(b.blocks().get(i).hash());
    }
    assertThat(a.ledger().stateRoot()).isEqualTo(b.ledger().stateRoot());
  }

  @Test
  void mintsTransfersApprovalsAndBurnsTheBridgedToken() {
    LedgerHarness h = new LedgerHarness(GENESIS, 100);
    TestFederation fed = TestFederation.epoch0();
    Address alice = A.get(0).address();
    Address bob = A.get(1).address();
    h.apply(
        LogRecords.depositCertificate(
            fed.deposits(
                CHAIN,
                10,
                List.of(
                    TestFederation.deposit(
                        1, TestGenesis.L1_TOKEN, alice, ONE.multiply(BigInteger.TEN)),
                    TestFederation.deposit(2, Address.ZERO, bob, ONE)))));
    BigInteger gas = BigInteger.ZERO;
    h.tx(
        TestAccounts.eip1559(
            A.get(0),
            CHAIN,
            0,
            gas,
            gas,
            100_000,
            TOKEN,
            BigInteger.ZERO,
            Abis.transfer(bob, ONE)));
    h.tx(
        TestAccounts.eip1559(
            A.get(0),
            CHAIN,
            1,
            gas,
            gas,
            100_000,
            TOKEN,
            BigInteger.ZERO,
            Abis.approve(bob, ONE.multiply(BigInteger.TWO))));
    h.tx(
        TestAccounts.eip1559(
            A.get(1),
            CHAIN,
            0,
            gas,
            gas,
            100_000,
            TOKEN,
            BigInteger.ZERO,
            Abis.transferFrom(alice, bob, ONE)));
    h.tx(
        TestAccounts.eip1559(
            A.get(1),
            CHAIN,
            1,
            gas,
            gas,
            100_000,
            BridgeContract.ADDRESS,
            BigInteger.ZERO,
            Abis.withdraw(
                TOKEN, Address.fromHex("0x00000000000000000000000000000000000000b0"), ONE)));
    h.tx(
        TestAccounts.eip1559(
            A.get(1),
            CHAIN,
            2,
            gas,
            gas,
            100_000,
            BridgeContract.ADDRESS,
            ONE,
            Abis.withdrawEth(Address.fromHex("0x00000000000000000000000000000000000000b0"))));
    // A transfer above the balance reverts: status 0, nonce used, nothing moved.
    h.tx(
        TestAccounts.eip1559(
            A.get(0),
            CHAIN,
            2,
            gas,
            gas,
            100_000,
            TOKEN,
            BigInteger.ZERO,
            Abis.transfer(bob, ONE.multiply(BigInteger.TEN))));
    Block block = h.tick().orElseThrow();
    assertThat(block.transactions()).hasSize(7);
    assertThat(block.transactions().get(6).receipt().success()).isFalse();
    StateReader st = state(h);
    assertThat(st.tokenBalance(TOKEN, alice)).isEqualTo(u(ONE.multiply(BigInteger.valueOf(8))));
    assertThat(st.tokenBalance(TOKEN, bob)).isEqualTo(u(ONE));
    assertThat(st.supply(TOKEN)).isEqualTo(u(ONE.multiply(BigInteger.valueOf(9))));
    assertThat(st.allowance(TOKEN, alice, bob)).isEqualTo(u(ONE));
    assertThat(st.nonce(A.get(0).address())).isEqualTo(3);
    List<Withdrawal> ws = block.withdrawals();
    assertThat(ws).hasSize(2);
    assertThat(ws.get(0).l1Token()).isEqualTo(TestGenesis.L1_TOKEN);
    assertThat(ws.get(1).l1Token()).isEqualTo(Address.ZERO);
    assertThat(ws.get(1).nonce().value()).isEqualTo(BigInteger.ONE);
    var tree = org.fedbridge.core.merkle.MerkleTree.of(ws.stream().map(Withdrawal::leaf).toList());
    assertThat(tree.root()).isEqualTo(block.header().withdrawalRoot());
    assertThat(tree.proof(1).verify(block.header().withdrawalRoot(), 2, ws.get(1).leaf()).isOk())
        .isTrue();
    LogEntry event = block.transactions().get(4).receipt().logs().get(1);
    assertThat(event.topics().get(0)).isEqualTo(BridgeContract.WITHDRAWAL_REQUESTED_TOPIC);
  }

  @Test
  void feesAreChargedAtTheConfiguredGasPrice() {
    Genesis priced = TestGenesis.of(CHAIN, A, "1000000000");
    LedgerHarness h = new LedgerHarness(priced, 100);
    BigInteger gwei = BigInteger.valueOf(1_000_000_000L);
    h.tx(
        TestAccounts.eip1559(
            A.get(0),
            CHAIN,
            0,
            BigInteger.ONE,
            gwei.multiply(BigInteger.TWO),
            30_000,
            A.get(1).address(),
            ONE,
            new byte[0]));
    h.tx(
        TestAccounts.legacy(
            A.get(0), CHAIN, 1, gwei, 21_000, A.get(1).address(), ONE, new byte[0]));
    h.tx(
        TestAccounts.legacy(
            A.get(0),
            CHAIN,
            2,
            gwei.subtract(BigInteger.ONE),
            21_000,
            A.get(1).address(),
            ONE,
            new byte[0])); // underpriced
    Block b = h.tick().orElseThrow();
    assertThat(b.transactions()).hasSize(2);
    BigInteger start = ONE.multiply(BigInteger.valueOf(1_000_000));
    BigInteger fee = gwei.multiply(BigInteger.valueOf(21_000));
    assertThat(state(h).balance(A.get(0).address()))
        .isEqualTo(
            u(start.subtract(ONE.multiply(BigInteger.TWO)).subtract(fee.multiply(BigInteger.TWO))));
  }

  @Test
  void unpayableWithdrawalsRevertAtExecutionAndBurnNothing() {
    LedgerHarness h = new LedgerHarness(GENESIS, 100);
    TestFederation fed = TestFederation.epoch0();
    Address alice = A.get(0).address();
    BigInteger bound = BigInteger.ONE.shiftLeft(96);
    h.apply(
        LogRecords.depositCertificate(
            fed.deposits(
                CHAIN,
                11,
                List.of(TestFederation.deposit(1, TestGenesis.L1_TOKEN, alice, bound)))));
    BigInteger gas = BigInteger.ZERO;
    Address l1 = Address.fromHex("0x00000000000000000000000000000000000000b0");
    List<byte[]> calls =
        List.of(
            Abis.withdraw(TOKEN, Address.ZERO, ONE),
            Abis.withdraw(TOKEN, TestFederation.VAULT, ONE),
            Abis.withdraw(TOKEN, l1, bound));
    for (int i = 0; i < calls.size(); i++) {
      h.tx(
          TestAccounts.eip1559(
              A.get(0),
              CHAIN,
              i,
              gas,
              gas,
              100_000,
              BridgeContract.ADDRESS,
              BigInteger.ZERO,
              calls.get(i)));
    }
    h.tx(
        TestAccounts.eip1559(
            A.get(0),
            CHAIN,
            3,
            gas,
            gas,
            100_000,
            BridgeContract.ADDRESS,
            ONE,
            Abis.withdrawEth(TestFederation.VAULT)));
    Block block = h.tick().orElseThrow();
    assertThat(block.transactions()).hasSize(5); // the certificate and four reverted calls
    assertThat(block.transactions().subList(1, 5))
        .allSatisfy(t -> assertThat(t.receipt().success()).isFalse());
    assertThat(block.withdrawals()).isEmpty();
    assertThat(state(h).tokenBalance(TOKEN, alice)).isEqualTo(u(bound));
    assertThat(state(h).supply(TOKEN)).isEqualTo(u(bound));
    assertThat(state(h).balance(alice)).isEqualTo(u(ONE.multiply(BigInteger.valueOf(1_000_000))));
    assertThat(state(h).nonce(alice)).isEqualTo(4);
    // and admission says why, before anything is appended
    var raw =
        TestAccounts.eip1559(
            A.get(0),
            CHAIN,
            4,
            gas,
            gas,
            100_000,
            BridgeContract.ADDRESS,
            BigInteger.ZERO,
            Abis.withdraw(TOKEN, TestFederation.VAULT, ONE));
    var tx = ((org.fedbridge.sidechain.tx.Decoded.Ok) h.ledger().decoder().decode(raw)).tx();
    Validity v = h.ledger().checkAdmissible(tx);
    assertThat(((Validity.Invalid) v).rejection().message())
        .isEqualTo("withdrawal refused: withdrawal to the vault itself, which cannot pay itself");
  }
}
