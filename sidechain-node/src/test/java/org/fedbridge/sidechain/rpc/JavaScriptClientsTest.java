package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.ledger.BridgeContract;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * Two JavaScript client libraries nobody here wrote, viem and ethers (pinned in
 * src/test/js/package-lock.json), run their suites ({@code viem.test.mjs}, {@code ethers.test.mjs},
 * Node's test runner) against this running node over HTTP and WebSocket: sends and receipts, block
 * and event subscriptions, logs, fee data, an ERC-20 read at a past block and a burn through the
 * bridge address. Each suite gets a fresh account funded by a deposit certificate.
 */
class JavaScriptClientsTest extends RunningNodeTest {
  private static final int TESTS = 9;

  @Test
  void viemAndEthersSuitesPassAgainstTheNode() throws Exception {
    TestAccounts.Account viem = TestAccounts.derived("js-viem", 0);
    TestAccounts.Account ethers = TestAccounts.derived("js-ethers", 0);
    BigInteger ether = TestGenesis.ETHER.multiply(BigInteger.TEN);
    BigInteger tokens = BigInteger.valueOf(1_000_000);
    mint(
        600,
        List.of(
            TestFederation.deposit(600, Address.ZERO, viem.address(), ether),
            TestFederation.deposit(601, Address.ZERO, ethers.address(), ether),
            tokenDeposit(602, viem.address(), tokens),
            tokenDeposit(603, ethers.address(), tokens)));

    Path dir = ProjectRoot.get().resolve("sidechain-node/src/test/js");
    ProcessBuilder pb =
        new ProcessBuilder(
                "node",
                "--test",
                "--test-concurrency=1",
                "--test-force-exit",
                // A suite that hangs (a receipt or an event that never comes) fails with the test
                // named instead of blocking the build.
                "--test-timeout=120000",
                "viem.test.mjs",
                "ethers.test.mjs")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProjectRoot.get().resolve("sidechain-node/target/js-clients.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("RPC_URL", url());
    env.put("WS_URL", "ws://127.0.0.1:" + port + "/");
    env.put("CHAIN_ID", Long.toString(CHAIN));
    env.put("TOKEN", TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN).toHex());
    env.put("L1_TOKEN", TestGenesis.L1_TOKEN.toHex());
    env.put("BRIDGE", BridgeContract.ADDRESS.toHex());
    env.put("VIEM_KEY", viem.privateKeyHex());
    env.put("ETHERS_KEY", ethers.privateKeyHex());
    Process p = pb.start();
    boolean ended = p.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String out = Files.readString(pb.redirectOutput().file().toPath(), StandardCharsets.UTF_8);
    System.out.println(out); // the suites' own report, for the build log
    assertThat(ended).as("the suites ended within 5 minutes:%n%s", out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(count(out, "pass")).as(out).isEqualTo(TESTS);
    assertThat(count(out, "fail")).as(out).isZero();
  }

  /** The runner's summary line ({@code # pass 9}, or {@code ℹ pass 9} in its newer reporter). */
  private static int count(String out, String what) {
    Matcher m = Pattern.compile("^\\S+ " + what + " (\\d+)$", Pattern.MULTILINE).matcher(out);
    int n = -1;
    while (m.find()) {
      n = Integer.parseInt(m.group(1));
    }
    return n;
  }
}
