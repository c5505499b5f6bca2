package org.fedbridge.sidechain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.sidechain.testing.TestGovernance;
import org.junit.jupiter.api.Test;

/**
 * Tokens registered after genesis by a certified {@code TokenConfig}: the token answers at its
 * derived address, mints of it work from then on, it is in the state (root and history), a later
 * config changes its withdrawal maximum and registration, and a deregistered token still mints the
 * deposits the vault took while its holders can still withdraw (as the vault still pays its
 * claims).
 */
class TokenRegistrationTest {
  static final long CHAIN = 1337;
  static final List<TestAccounts.Account> A = TestAccounts.many("token-registration", 2);
  static final TestGovernance GOVERNANCE = TestGovernance.of("registration", CHAIN);
  static final TestFederation FEDERATION = TestFederation.epoch0();
  static final Address L1 = Address.fromHex("0x00000000000000000000000000000000000000c4");
  static final Address SIDECHAIN = TokenAddresses.sidechainToken(L1);

  static Genesis genesis() {
    return GOVERNANCE.genesis(
        TestGenesis.json(
            CHAIN,
            FEDERATION,
            java.util.Map.of(A.get(0).address(), TestGenesis.ETHER.multiply(BigInteger.TEN)),
            "0"));
  }

  static byte[] mint(long nonce, Address token, Address to, long amount) {
    return LogRecords.depositCertificate(
        FEDERATION.deposits(
            CHAIN,
            nonce,
            List.of(TestFederation.deposit(nonce, token, to, BigInteger.valueOf(amount)))));
  }

  static byte[] withdraw(long nonce, long amount) {
    return TestAccounts.eip1559(
        A.get(0),
        CHAIN,
        nonce,
        BigInteger.ZERO,
        BigInteger.ZERO,
        100_000,
        BridgeContract.ADDRESS,
        BigInteger.ZERO,
        Abis.withdraw(
            SIDECHAIN,
            Address.fromHex("0x00000000000000000000000000000000000000b0"),
            BigInteger.valueOf(amount)));
  }

  @Test
  void aCertifiedRegistrationAddsTheTokenAndItsDepositsMintFromThen() {
    LedgerHarness h = new LedgerHarness(genesis(), 100, 16);
    Address alice = A.get(0).address();
    // Before: unknown, and a deposit of it is refused.
    assertThat(h.ledger().state().tokens()).hasSize(1);
    assertThat(h.ledger().state().isContract(SIDECHAIN)).isFalse();
    h.apply(mint(1, L1, alice, 50));
    h.tick();
    assertThat(h.ledger().state().depositMinted(UInt256.ONE)).isFalse();
    long before = h.ledger().head().number();

    var registration =
        GOVERNANCE.registration(
            FEDERATION, TestGovernance.config(0, L1, true, 1_000_000), "NEW", 6);
    assertThat(h.ledger().verify(registration)).isInstanceOf(TokenConfigVerdict.Applicable.class);
    h.apply(LogRecords.tokenConfigCertificate(registration));
    Block block = h.tick().orElseThrow();
    assertThat(block.transactions()).hasSize(1);
    assertThat(block.transactions().get(0).receipt().logs().get(0).topics().get(0))
        .isEqualTo(TokenConfigs.TOKEN_CONFIGURED_TOPIC);

    StateReader st = h.ledger().state();
    List<TokenEntry> tokens = st.tokens();
    assertThat(tokens).hasSize(2);
    Token t = tokens.get(1).token();
    assertThat(t.l1Token()).isEqualTo(L1);
    assertThat(t.address()).isEqualTo(SIDECHAIN);
    assertThat(t.symbol()).isEqualTo("NEW");
    assertThat(t.name()).isEqualTo("NEW Token");
    assertThat(t.decimals()).isEqualTo(6);
    assertThat(t.maxWithdrawal()).contains(UInt256.of(1_000_000));
    assertThat(tokens.get(1).registered()).isTrue();
    assertThat(tokens.get(1).governanceNonce()).contains(UInt256.ZERO);
    assertThat(st.isContract(SIDECHAIN)).isTrue();
    // The past block still has the old registry (history window).
    assertThat(h.ledger().stateAt(before).orElseThrow().tokens()).hasSize(1);
    assertThat(h.ledger().stateAt(before).orElseThrow().isContract(SIDECHAIN)).isFalse();

    // The refused deposit's certificate now mints, and the token answers like an ERC-20.
    h.apply(mint(1, L1, alice, 50));
    h.tick();
    st = h.ledger().state();
    assertThat(st.depositMinted(UInt256.ONE)).isTrue();
    assertThat(st.tokenBalance(SIDECHAIN, alice)).isEqualTo(UInt256.of(50));
    assertThat(st.supply(SIDECHAIN)).isEqualTo(UInt256.of(50));
    CallResult decimals = st.call(alice, SIDECHAIN, UInt256.ZERO, Abis.selector("decimals()"));
    assertThat(new BigInteger(1, decimals.returnData())).isEqualTo(BigInteger.valueOf(6));
    CallResult balance = st.call(alice, SIDECHAIN, UInt256.ZERO, Abis.balanceOf(alice));
    assertThat(new BigInteger(1, balance.returnData())).isEqualTo(BigInteger.valueOf(50));

    // A withdrawal above the period limit would never be paid: refused; one within it burns.
    assertThat(h.ledger().checkAdmissible(decode(h, withdraw(0, 2_000_000))))
        .isInstanceOf(Validity.Invalid.class);
    h.tx(withdraw(0, 20));
    Block burn = h.tick().orElseThrow();
    assertThat(burn.withdrawals()).hasSize(1);
    assertThat(burn.withdrawals().get(0).l1Token()).isEqualTo(L1);
    assertThat(h.ledger().state().tokenBalance(SIDECHAIN, alice)).isEqualTo(UInt256.of(30));
  }

  @Test
  void aDeregisteredTokenStillMintsWhatTheVaultTookAndBurnsAndLimitChangesNeedNoMetadata() {
    LedgerHarness h = new LedgerHarness(genesis(), 100);
    Address alice = A.get(0).address();
    h.apply(
        LogRecords.tokenConfigCertificate(
            GOVERNANCE.registration(
                FEDERATION, TestGovernance.config(3, L1, true, 1_000_000), "NEW", 18)));
    h.apply(mint(1, L1, alice, 100));
    // Deregistration at a later nonce: the certificate alone (the token's metadata stays).
    TokenConfigCertificate off =
        new TokenConfigCertificate(
            GOVERNANCE.certificate(FEDERATION, TestGovernance.config(5, L1, false, 500)),
            java.util.Optional.empty());
    h.apply(LogRecords.tokenConfigCertificate(off));
    // A deposit the vault took before it executed the deregistration, certified after the
    // sidechain applied it: minted all the same (refusing it would strand it).
    h.apply(mint(2, L1, alice, 100));
    h.tick();
    StateReader st = h.ledger().state();
    assertThat(st.depositMinted(UInt256.ONE)).isTrue();
    assertThat(st.depositMinted(UInt256.of(2))).isTrue();
    assertThat(st.tokenBalance(SIDECHAIN, alice)).isEqualTo(UInt256.of(200));
    TokenEntry entry = st.tokens().get(1);
    assertThat(entry.registered()).isFalse();
    assertThat(entry.governanceNonce()).contains(UInt256.of(5));
    assertThat(entry.token().symbol()).isEqualTo("NEW");
    assertThat(entry.token().maxWithdrawal()).contains(UInt256.of(500));
    // Holders can still withdraw (up to the new limit): the vault keeps paying its claims.
    h.tx(withdraw(0, 100));
    assertThat(h.tick().orElseThrow().withdrawals()).hasSize(1);
    // Re-registered at a later nonce: the flag follows, the metadata stays.
    h.apply(
        LogRecords.tokenConfigCertificate(
            new TokenConfigCertificate(
                GOVERNANCE.certificate(FEDERATION, TestGovernance.config(6, L1, true, 700)),
                java.util.Optional.empty())));
    h.tick();
    TokenEntry again = h.ledger().state().tokens().get(1);
    assertThat(again.registered()).isTrue();
    assertThat(again.token().symbol()).isEqualTo("NEW");
    assertThat(again.token().maxWithdrawal()).contains(UInt256.of(700));
  }

  @Test
  void replicasFedTheSameLogAgreeOnTheRegistry() {
    LedgerHarness a = new LedgerHarness(genesis(), 100);
    LedgerHarness b = new LedgerHarness(genesis(), 100);
    byte[] reg =
        LogRecords.tokenConfigCertificate(
            GOVERNANCE.registration(
                FEDERATION, TestGovernance.config(0, L1, true, 1_000_000), "NEW", 18));
    for (LedgerHarness h : List.of(a, b)) {
      h.apply(reg);
      h.apply(mint(1, L1, A.get(1).address(), 9));
      h.tick();
    }
    assertThat(a.last().hash()).isEqualTo(b.last().hash());
    assertThat(a.ledger().stateRoot()).isEqualTo(b.ledger().stateRoot());
    assertThat(a.ledger().stateRoot()).isNotEqualTo(a.blocks().get(0).header().stateRoot());
  }

  private static org.fedbridge.sidechain.tx.SignedTransaction decode(LedgerHarness h, byte[] raw) {
    return ((org.fedbridge.sidechain.tx.Decoded.Ok) h.ledger().decoder().decode(raw)).tx();
  }
}
