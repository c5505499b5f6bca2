package org.fedbridge.devnet;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.contracts.VaultDeployer;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Deploys the devnet's BridgeVault on L1 for the epoch-0 federation, with ETH registered. */
final class L1Setup {
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private L1Setup() {}

  /**
   * @return the deployment (vault address, block)
   */
  static VaultDeployer.Deployment deployVault(
      String rpc, long chainId, long sidechainId, DevFederation federation, DevAccount deployer) {
    Web3j web3j = Web3j.build(new HttpService(rpc));
    try {
      VaultDeployer.Config config =
          VaultDeployer.Config.forFederation(
              BigInteger.valueOf(sidechainId),
              federation.groupKey(),
              federation.memberSet(),
              List.of(deployer.address()),
              List.of(
                  // Devnet limits: 1,000 ETH a day; above 100 ETH a withdrawal waits an hour.
                  VaultDeployer.TokenLimits.eth(
                      ETHER.multiply(BigInteger.valueOf(1000)),
                      86_400,
                      ETHER.multiply(BigInteger.valueOf(100)),
                      3_600)));
      return VaultDeployer.deploy(
          web3j, Credentials.create(deployer.privateKey()), chainId, config);
    } catch (Exception e) {
      throw new DevnetException(
          "deploying BridgeVault on "
              + rpc
              + " failed (is "
              + deployer.address()
              + " funded?): "
              + e.getMessage(),
          e);
    } finally {
      web3j.shutdown();
    }
  }
}
