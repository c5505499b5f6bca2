package org.fedbridge.sidechain.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.ledger.BridgeContract;
import org.fedbridge.sidechain.ledger.LogRecords;

/**
 * A reproducible mix of log records: ETH transfers (legacy and EIP-1559), token transfers,
 * approvals and transferFroms, withdrawals of both kinds, a few invalid transactions (stale nonce,
 * no funds, wrong chain), duplicate certificates, and ticks.
 */
public final class RandomTraffic {
  private final long chainId;
  private final List<TestAccounts.Account> accounts;
  private final Random rnd;
  private final Map<Address, Long> nonces = new HashMap<>();
  private final Address token = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);
  private int transactions;

  public RandomTraffic(long chainId, List<TestAccounts.Account> accounts, long seed) {
    this.chainId = chainId;
    this.accounts = accounts;
    this.rnd = new Random(seed);
  }

  /**
   * A certificate minting 1,000 tokens to every account (deposit nonces from {@code firstNonce}).
   */
  public byte[] mintAll(long firstNonce) {
    List<Deposit> ds = new ArrayList<>();
    long n = firstNonce;
    for (TestAccounts.Account a : accounts) {
      ds.add(
          TestFederation.deposit(
              n++,
              TestGenesis.L1_TOKEN,
              a.address(),
              TestGenesis.ETHER.multiply(BigInteger.valueOf(1000))));
    }
    return LogRecords.depositCertificate(TestFederation.epoch0().deposits(chainId, firstNonce, ds));
  }

  public int transactions() {
    return transactions;
  }

  /** The next {@code count} records (transactions, with a tick now and then). */
  public List<byte[]> next(int count) {
    List<byte[]> out = new ArrayList<>(count);
    while (out.size() < count) {
      if (rnd.nextInt(150) == 0) {
        out.add(LogRecords.tick());
        continue;
      }
      out.add(LogRecords.transaction(nextTransaction()));
      transactions++;
    }
    return out;
  }

  private byte[] nextTransaction() {
    TestAccounts.Account from = accounts.get(rnd.nextInt(accounts.size()));
    Address to = accounts.get(rnd.nextInt(accounts.size())).address();
    long nonce = nonces.getOrDefault(from.address(), 0L);
    BigInteger small = BigInteger.valueOf(1 + rnd.nextInt(1_000_000));
    BigInteger zero = BigInteger.ZERO;
    int kind = rnd.nextInt(100);
    byte[] raw;
    if (kind < 2) {
      // invalid: stale nonce (dropped by every replica alike)
      return TestAccounts.transfer(
          from,
          chainId,
          Math.max(0, nonce - 1) - (nonce == 0 ? 0 : 0) + (nonce == 0 ? 5 : 0),
          to,
          small);
    } else if (kind < 3) {
      // invalid: wrong chain
      return TestAccounts.transfer(from, chainId + 1, nonce, to, small);
    } else if (kind < 40) {
      raw = TestAccounts.transfer(from, chainId, nonce, to, small);
    } else if (kind < 50) {
      raw = TestAccounts.legacy(from, chainId, nonce, zero, 21_000, to, small, new byte[0]);
    } else if (kind < 75) {
      raw =
          TestAccounts.eip1559(
              from, chainId, nonce, zero, zero, 100_000, token, zero, Abis.transfer(to, small));
    } else if (kind < 85) {
      raw =
          TestAccounts.eip1559(
              from,
              chainId,
              nonce,
              zero,
              zero,
              100_000,
              token,
              zero,
              Abis.approve(to, small.multiply(BigInteger.TEN)));
    } else if (kind < 93) {
      Address owner = accounts.get(rnd.nextInt(accounts.size())).address();
      raw =
          TestAccounts.eip1559(
              from,
              chainId,
              nonce,
              zero,
              zero,
              100_000,
              token,
              zero,
              Abis.transferFrom(owner, to, small));
    } else if (kind < 97) {
      raw =
          TestAccounts.eip1559(
              from,
              chainId,
              nonce,
              zero,
              zero,
              100_000,
              BridgeContract.ADDRESS,
              zero,
              Abis.withdraw(token, to, small));
    } else {
      raw =
          TestAccounts.eip1559(
              from,
              chainId,
              nonce,
              zero,
              zero,
              100_000,
              BridgeContract.ADDRESS,
              small,
              Abis.withdrawEth(to));
    }
    nonces.put(from.address(), nonce + 1);
    return raw;
  }
}
