package org.fedbridge.contracts;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.MemberSet;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys {@code BridgeVault} with web3j; used by the tests and the devnet.
 *
 * <p>The vault has no initializer: epoch 0 (group key, threshold, member count, members hash), the
 * pausers, the initial token registry, the governance delay and the challenge period of withdrawal
 * roots are all constructor arguments, so a deployed vault is always fully configured. The L1 chain
 * id is not an argument: the vault reads {@code block.chainid} whenever it builds a digest.
 *
 * <pre>{@code
 * VaultDeployer.Deployment d = VaultDeployer.deploy(web3j, deployerCredentials, chainId,
 *     VaultDeployer.Config.forFederation(sidechainId, groupKey, memberSet,
 *         List.of(pauserAddress), List.of(VaultDeployer.TokenLimits.eth(limit, 86_400, big, 3_600)),
 *         VaultDeployer.Delays.PRODUCTION));
 * BridgeVault vault = VaultDeployer.load(web3j, relayerCredentials, chainId, d.vaultAddress());
 * }</pre>
 */
public final class VaultDeployer {

  /** Gas limit used for every transaction sent through {@link #gasProvider}. */
  public static final BigInteger GAS_LIMIT = BigInteger.valueOf(15_000_000);

  /** Receipt polling interval (anvil mines at once; a real chain needs the attempts). */
  public static final long RECEIPT_POLL_MILLIS = 200;

  /** Receipt polling attempts (10 minutes in total). */
  public static final int RECEIPT_POLL_ATTEMPTS = 3_000;

  private VaultDeployer() {}

  /**
   * Registry entry and risk limits of one token ({@code 0x0…0} is ETH).
   *
   * @param token L1 token address
   * @param periodLimit most that may leave the vault in any window of one period (fits 96 bits);
   *     also the largest single withdrawal the vault can ever pay
   * @param periodSeconds period length in seconds (1 … 2^24-1)
   * @param delayThreshold withdrawals above this amount wait {@code delaySeconds} after their root
   *     was posted (fits 96 bits)
   * @param delaySeconds delay in seconds (0 … 2^24-1)
   */
  public record TokenLimits(
      String token,
      BigInteger periodLimit,
      long periodSeconds,
      BigInteger delayThreshold,
      long delaySeconds) {
    /** ETH limits. */
    public static TokenLimits eth(
        BigInteger periodLimit, long periodSeconds, BigInteger delayThreshold, long delaySeconds) {
      return new TokenLimits(
          "0x0000000000000000000000000000000000000000",
          periodLimit,
          periodSeconds,
          delayThreshold,
          delaySeconds);
    }

    BridgeVault.TokenSettings toSettings() {
      return new BridgeVault.TokenSettings(
          token,
          true,
          periodLimit,
          BigInteger.valueOf(periodSeconds),
          delayThreshold,
          BigInteger.valueOf(delaySeconds));
    }
  }

  /**
   * The vault's two clocks (both immutable after deployment).
   *
   * @param governanceDelaySeconds how long a loosening change (higher limits, shorter delays,
   *     (de)registering, removing a pauser, unpausing, rotating) waits in the queue, 1 … 2^24-1
   * @param challengePeriodSeconds how long every posted withdrawal root waits before it pays (the
   *     window in which a pauser can revoke it), 1 … 2^24-1
   */
  public record Delays(long governanceDelaySeconds, long challengePeriodSeconds) {
    /** The production example: two days of governance delay, a six-hour challenge period. */
    public static final Delays PRODUCTION = new Delays(2 * 86_400, 6 * 3_600);

    public Delays {
      if (governanceDelaySeconds < 1 || governanceDelaySeconds >= 1L << 24) {
        throw new IllegalArgumentException("governance delay must be 1 … 2^24-1 seconds");
      }
      if (challengePeriodSeconds < 1 || challengePeriodSeconds >= 1L << 24) {
        throw new IllegalArgumentException("challenge period must be 1 … 2^24-1 seconds");
      }
    }
  }

  /**
   * Constructor arguments of the vault.
   *
   * @param sidechainId non-zero sidechain id bound into every digest
   * @param groupKeyEip2537 epoch-0 group public key as a 256-byte EIP-2537 G2 point
   * @param threshold epoch-0 threshold t (⌊2n/3⌋+1 ≤ t ≤ n)
   * @param memberCount epoch-0 member count n
   * @param membersHash 32-byte commitment to the member list (docs/encoding.md)
   * @param pausers addresses allowed to pause
   * @param tokens initial registry (ETH must be listed to accept ETH deposits)
   * @param delays governance delay and challenge period
   */
  public record Config(
      BigInteger sidechainId,
      byte[] groupKeyEip2537,
      int threshold,
      int memberCount,
      byte[] membersHash,
      List<String> pausers,
      List<TokenLimits> tokens,
      Delays delays) {
    public Config {
      Objects.requireNonNull(sidechainId, "sidechainId");
      Objects.requireNonNull(delays, "delays");
      if (groupKeyEip2537.length != 256) {
        throw new IllegalArgumentException("group key must be a 256-byte EIP-2537 G2 point");
      }
      if (membersHash.length != 32) {
        throw new IllegalArgumentException("membersHash must be 32 bytes");
      }
      groupKeyEip2537 = groupKeyEip2537.clone();
      membersHash = membersHash.clone();
      pausers = List.copyOf(pausers);
      tokens = List.copyOf(tokens);
    }

    /** Epoch 0 from a bridge-core group key and member set (threshold, size and members hash). */
    public static Config forFederation(
        BigInteger sidechainId,
        PublicKey groupKey,
        MemberSet members,
        List<String> pausers,
        List<TokenLimits> tokens,
        Delays delays) {
      return new Config(
          sidechainId,
          groupKey.toEip2537(),
          members.threshold(),
          members.size(),
          members.membersHash().bytes(),
          pausers,
          tokens,
          delays);
    }
  }

  /**
   * Where the vault landed.
   *
   * @param vaultAddress the vault's address
   * @param transactionHash the deployment transaction
   * @param blockNumber the block that holds it (a start block for log scans)
   * @param gasUsed gas used by the deployment
   */
  public record Deployment(
      String vaultAddress, String transactionHash, BigInteger blockNumber, BigInteger gasUsed) {}

  /**
   * Deploys a vault and waits for its receipt.
   *
   * @param web3j L1 client
   * @param deployer account that pays for the deployment (gets no rights in the vault)
   * @param chainId L1 chain id, for transaction signing (EIP-155)
   * @param config constructor arguments
   * @return the vault address and deployment receipt data
   * @throws Exception if the transaction fails or is reverted (e.g. an invalid key or threshold)
   */
  public static Deployment deploy(Web3j web3j, Credentials deployer, long chainId, Config config)
      throws Exception {
    BridgeVault vault =
        BridgeVault.deploy(
                web3j,
                transactionManager(web3j, deployer, chainId),
                gasProvider(web3j),
                config.sidechainId(),
                config.groupKeyEip2537(),
                BigInteger.valueOf(config.threshold()),
                BigInteger.valueOf(config.memberCount()),
                config.membersHash(),
                config.pausers(),
                config.tokens().stream().map(TokenLimits::toSettings).toList(),
                BigInteger.valueOf(config.delays().governanceDelaySeconds()),
                BigInteger.valueOf(config.delays().challengePeriodSeconds()))
            .send();
    TransactionReceipt receipt =
        vault
            .getTransactionReceipt()
            .orElseThrow(() -> new IllegalStateException("no deployment receipt"));
    return new Deployment(
        vault.getContractAddress(),
        receipt.getTransactionHash(),
        receipt.getBlockNumber(),
        receipt.getGasUsed());
  }

  /** A wrapper for an existing vault that sends transactions from {@code sender}. */
  public static BridgeVault load(Web3j web3j, Credentials sender, long chainId, String vaultAddress)
      throws IOException {
    return BridgeVault.load(
        vaultAddress, web3j, transactionManager(web3j, sender, chainId), gasProvider(web3j));
  }

  /**
   * EIP-155 signing transaction manager for {@code sender}; polls for receipts every {@value
   * #RECEIPT_POLL_MILLIS} ms for up to {@value #RECEIPT_POLL_ATTEMPTS} attempts.
   */
  public static TransactionManager transactionManager(
      Web3j web3j, Credentials sender, long chainId) {
    return new RawTransactionManager(
        web3j,
        sender,
        chainId,
        new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS));
  }

  /**
   * EIP-1559 fees: the node's suggested priority fee, a max fee of twice the latest base fee plus
   * that tip, and {@link #GAS_LIMIT}. (Overpaying a legacy gas price would feed back into the
   * node's own suggestion and make it climb block after block.)
   */
  public static ContractGasProvider gasProvider(Web3j web3j) throws IOException {
    long chainId = web3j.ethChainId().send().getChainId().longValueExact();
    BigInteger tip = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
    BigInteger baseFee =
        web3j
            .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getBaseFeePerGas();
    BigInteger maxFee = baseFee.shiftLeft(1).add(tip);
    return new StaticEIP1559GasProvider(chainId, maxFee, tip, GAS_LIMIT);
  }
}
