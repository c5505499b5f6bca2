package org.fedbridge.relayer.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.web3j.protocol.Web3j;
import org.web3j.tuples.generated.Tuple4;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Typed reads of the BridgeVault and the calldata of the calls the relayer sends, through the web3j
 * wrapper generated from the vault's ABI.
 */
public final class VaultClient {
  private final BridgeVault vault;
  private final String address;

  public VaultClient(Web3j web3j, String address) {
    this.address = address;
    this.vault =
        BridgeVault.load(
            address,
            web3j,
            new ReadonlyTransactionManager(web3j, address),
            new DefaultGasProvider());
  }

  /**
   * A root as the vault knows it ({@code rootStatus(root)}; {@code count == 0}: never posted).
   *
   * @param claimableAt when its challenge window ends (the earliest any of it pays)
   * @param revoked revoked by a pauser or a later epoch's certificate: it pays nothing, ever
   */
  public record RootStatus(
      long batchId,
      long count,
      long epoch,
      Instant postedAt,
      Instant claimableAt,
      boolean revoked) {
    public boolean posted() {
      return count > 0;
    }
  }

  /** Registry entry and limits of a token ({@code 0x0…0} = ETH). */
  public record TokenLimits(
      String token,
      boolean registered,
      BigInteger periodLimit,
      long periodSeconds,
      BigInteger delayThreshold,
      long delaySeconds) {}

  /**
   * A token's books as the vault reports them ({@code tokenFlow(token)}) at the block it was read.
   *
   * @param locked deposited and not yet settled: the most any claim can take
   * @param owed payouts that failed and wait for their recipients ({@code withdrawOwed})
   * @param spentInWindow outflow the vault's window still counts (its current and two previous
   *     sub-windows of ⌈period/2⌉)
   * @param available what the period limit lets out now
   */
  public record TokenFlow(
      BigInteger locked, BigInteger owed, BigInteger spentInWindow, BigInteger available) {
    /** What one claim can take now: {@code min(available, locked)} (contracts/README.md). */
    public BigInteger claimableNow() {
      return available.min(locked);
    }
  }

  /** A federation epoch as the vault stores it. */
  public record EpochKey(long epoch, PublicKey groupKey, int threshold, int memberCount) {}

  /** One withdrawal with its proof against a posted root. */
  public record Claim(Withdrawal withdrawal, Bytes32 root, int index, List<Bytes32> siblings) {}

  public String address() {
    return address;
  }

  public RootStatus rootStatus(Bytes32 root) throws IOException {
    BridgeVault.RootStatus r = call(() -> vault.rootStatus(root.bytes()).send());
    return new RootStatus(
        r.batchId.longValueExact(),
        r.count.longValueExact(),
        r.epoch.longValueExact(),
        Instant.ofEpochSecond(r.postedAt.longValueExact()),
        Instant.ofEpochSecond(r.claimableAt.longValueExact()),
        r.revoked);
  }

  /** How long every posted root waits before anything in it pays (immutable in the vault). */
  public Duration challengePeriod() throws IOException {
    return Duration.ofSeconds(call(() -> vault.challengePeriod().send()).longValueExact());
  }

  /** How many times the vault was paused (an unpause certificate names the pause it lifts). */
  public long pauseCount() throws IOException {
    return call(() -> vault.pauseCount().send()).longValueExact();
  }

  /** What the vault owes {@code recipient} in {@code token} (failed payouts, not yet pulled). */
  public BigInteger owed(String recipient, String token) throws IOException {
    return call(() -> vault.owed(recipient, token).send());
  }

  public boolean isClaimed(BigInteger nonce) throws IOException {
    return call(() -> vault.isClaimed(nonce).send());
  }

  public boolean paused() throws IOException {
    return call(() -> vault.paused().send());
  }

  public long currentEpoch() throws IOException {
    return call(() -> vault.currentEpoch().send()).longValueExact();
  }

  public BigInteger sidechainId() throws IOException {
    return call(() -> vault.sidechainId().send());
  }

  /** The epoch's group key, or empty if the vault never had that epoch. */
  public Optional<EpochKey> epoch(long epoch) throws IOException {
    Tuple4<byte[], BigInteger, BigInteger, byte[]> e;
    try {
      e = vault.epochInfo(BigInteger.valueOf(epoch)).send();
    } catch (ContractCallException unknownEpoch) {
      return Optional.empty();
    } catch (IOException io) {
      throw io;
    } catch (Exception other) {
      throw new IOException("vault epochInfo failed: " + other.getMessage(), other);
    }
    Result<PublicKey> key = PublicKey.fromEip2537(e.component1());
    if (!key.isOk()) {
      return Optional.empty();
    }
    return Optional.of(
        new EpochKey(
            epoch, key.orThrow(), e.component2().intValueExact(), e.component3().intValueExact()));
  }

  public TokenLimits tokenLimits(String token) throws IOException {
    BridgeVault.TokenSettings s = call(() -> vault.tokenSettings(token).send());
    return new TokenLimits(
        token,
        s.registered,
        s.periodLimit,
        s.periodSeconds.longValueExact(),
        s.delayThreshold,
        s.delaySeconds.longValueExact());
  }

  public TokenFlow tokenFlow(String token) throws IOException {
    BridgeVault.TokenFlow f = call(() -> vault.tokenFlow(token).send());
    return new TokenFlow(f.locked, f.owed, f.spentInWindow, f.available);
  }

  /** Calldata of {@code postWithdrawalRoot((batchId, root, count), signature)}. */
  public String postRootCalldata(long batchId, Bytes32 root, long count, Signature signature) {
    return vault
        .postWithdrawalRoot(
            new BridgeVault.WithdrawalBatch(
                BigInteger.valueOf(batchId), root.bytes(), BigInteger.valueOf(count)),
            signature.toEip2537())
        .encodeFunctionCall();
  }

  /** Calldata of {@code claimMany(withdrawals, proofs)}. */
  public String claimManyCalldata(List<Claim> claims) {
    List<BridgeVault.Withdrawal> ws = new ArrayList<>(claims.size());
    List<BridgeVault.Proof> proofs = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      ws.add(toContract(c.withdrawal()));
      proofs.add(proof(c));
    }
    return vault.claimMany(ws, proofs).encodeFunctionCall();
  }

  /**
   * Calldata of {@code withdrawOwed(token, to)}: what the owner of a debt sends (from its own
   * address) to have the vault pay it to {@code to}.
   */
  public String withdrawOwedCalldata(String token, String to) {
    return vault.withdrawOwed(token, to).encodeFunctionCall();
  }

  /** Calldata of {@code claim(withdrawal, proof)}: what anyone may send to pay a withdrawal. */
  public String claimCalldata(Claim c) {
    return vault.claim(toContract(c.withdrawal()), proof(c)).encodeFunctionCall();
  }

  private static BridgeVault.Proof proof(Claim c) {
    return new BridgeVault.Proof(
        c.root().bytes(),
        BigInteger.valueOf(c.index()),
        c.siblings().stream().map(Bytes32::bytes).toList());
  }

  private static BridgeVault.Withdrawal toContract(Withdrawal w) {
    return new BridgeVault.Withdrawal(
        w.nonce().value(),
        w.l1Token().toHex(),
        w.sender().toHex(),
        w.l1Recipient().toHex(),
        w.amount().value());
  }

  private interface Read<T> {
    T get() throws Exception;
  }

  private static <T> T call(Read<T> read) throws IOException {
    try {
      return read.get();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("vault read failed: " + e.getMessage(), e);
    }
  }
}
