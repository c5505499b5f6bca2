package org.fedbridge.sidechain.bench;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.ledger.BridgeContract;
import org.fedbridge.sidechain.testing.JsonRpcClient;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;

/**
 * A node to try clients against by hand (chain 1337, two funded accounts with tokens); prints the
 * environment the JavaScript suites take and runs until killed. Not part of {@code mvn verify}.
 *
 * <pre>
 * mvn -B -q -pl sidechain-node exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.fedbridge.sidechain.bench.LocalNode
 * </pre>
 */
public final class LocalNode {
  private LocalNode() {}

  public static void main(String[] args) throws Exception {
    TestAccounts.Account viem = TestAccounts.derived("js-viem", 0);
    TestAccounts.Account ethers = TestAccounts.derived("js-ethers", 0);
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    alloc.put(viem.address(), TestGenesis.ETHER.multiply(BigInteger.valueOf(100)));
    alloc.put(ethers.address(), TestGenesis.ETHER.multiply(BigInteger.valueOf(100)));
    BenchNode node = BenchNode.start(1337, alloc, "local_node");
    new JsonRpcClient(node.url())
        .mint(
            TestFederation.epoch0()
                .deposits(
                    1337,
                    1,
                    List.of(
                        TestFederation.deposit(
                            1, TestGenesis.L1_TOKEN, viem.address(), BigInteger.valueOf(1_000_000)),
                        TestFederation.deposit(
                            2,
                            TestGenesis.L1_TOKEN,
                            ethers.address(),
                            BigInteger.valueOf(1_000_000)))));
    System.out.println(
        String.join(
            " ",
            "RPC_URL=" + node.url(),
            "WS_URL=" + node.wsUrl(),
            "CHAIN_ID=1337",
            "TOKEN=" + TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN).toHex(),
            "L1_TOKEN=" + TestGenesis.L1_TOKEN.toHex(),
            "BRIDGE=" + BridgeContract.ADDRESS.toHex(),
            "VIEM_KEY=" + viem.privateKeyHex(),
            "ETHERS_KEY=" + ethers.privateKeyHex()));
    new CountDownLatch(1).await();
  }
}
