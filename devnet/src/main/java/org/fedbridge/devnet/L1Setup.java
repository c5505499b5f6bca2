package org.fedbridge.devnet;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.contracts.VaultDeployer;
import org.fedbridge.contracts.generated.DevnetToken;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Deploys the devnet's L1 contracts: a test ERC-20 held by the dev accounts, and the BridgeVault
 * for the epoch-0 federation (from the validators' DKG) with ETH and that token registered.
 */
final class L1Setup implements AutoCloseable {
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final BigInteger TOKENS_EACH = ETHER.multiply(BigInteger.valueOf(1_000_000));

  /**
   * The devnet's clocks, in seconds so that a developer sees a withdrawal through in moments: a
   * loosening change waits 30 s in the governance queue, a withdrawal root 10 s in its challenge
   * period (production: days and hours, {@link VaultDeployer.Delays#PRODUCTION}).
   */
  static final VaultDeployer.Delays DELAYS = new VaultDeployer.Delays(30, 10);

  /** The devnet's ERC-20. */
  record Token(String address, String symbol, String name, int decimals) {}

  private final Web3j web3j;
  private final String rpc;
  private final long chainId;
  private final DevAccount deployer;

  L1Setup(String rpc, long chainId, DevAccount deployer) {
    this.web3j = Web3j.build(new HttpService(rpc));
    this.rpc = rpc;
    this.chainId = chainId;
    this.deployer = deployer;
  }

  Token deployToken(List<DevAccount> holders) {
    try {
      DevnetToken token =
          DevnetToken.deploy(
                  web3j,
                  VaultDeployer.transactionManager(
                      web3j, Credentials.create(deployer.privateKey()), chainId),
                  VaultDeployer.gasProvider(web3j),
                  "Devnet Token",
                  "TKN",
                  BigInteger.valueOf(18),
                  holders.stream().map(DevAccount::address).toList(),
                  TOKENS_EACH)
              .send();
      return new Token(token.getContractAddress(), "TKN", "Devnet Token", 18);
    } catch (Exception e) {
      throw failure("the devnet ERC-20", e);
    }
  }

  VaultDeployer.Deployment deployVault(
      long sidechainId, DevDkg.Federation federation, Token token) {
    // Devnet limits: 1,000 units a day per token; above 100 a withdrawal waits a minute.
    BigInteger perDay = ETHER.multiply(BigInteger.valueOf(1000));
    BigInteger delayAbove = ETHER.multiply(BigInteger.valueOf(100));
    try {
      VaultDeployer.Config config =
          VaultDeployer.Config.forFederation(
              BigInteger.valueOf(sidechainId),
              federation.groupKey(),
              federation.memberSet(),
              List.of(deployer.address()),
              List.of(
                  VaultDeployer.TokenLimits.eth(perDay, 86_400, delayAbove, 60),
                  new VaultDeployer.TokenLimits(token.address(), perDay, 86_400, delayAbove, 60)),
              DELAYS);
      return VaultDeployer.deploy(
          web3j, Credentials.create(deployer.privateKey()), chainId, config);
    } catch (Exception e) {
      throw failure("BridgeVault", e);
    }
  }

  /** Sends {@code amount} wei from {@code from} to {@code to} (an external L1's gas funding). */
  static void fund(String rpc, long chainId, DevAccount from, String to, BigInteger amount) {
    Web3j web3j = Web3j.build(new HttpService(rpc));
    try {
      new org.web3j.tx.Transfer(
              web3j,
              VaultDeployer.transactionManager(
                  web3j, Credentials.create(from.privateKey()), chainId))
          .sendFunds(to, new java.math.BigDecimal(amount), org.web3j.utils.Convert.Unit.WEI)
          .send();
    } catch (Exception e) {
      throw new DevnetException(
          "funding the relayer's gas account from " + from.address() + " failed: " + e.getMessage(),
          e);
    } finally {
      web3j.shutdown();
    }
  }

  private DevnetException failure(String what, Exception e) {
    return new DevnetException(
        "deploying "
            + what
            + " on "
            + rpc
            + " failed (is "
            + deployer.address()
            + " funded?): "
            + e.getMessage(),
        e);
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
