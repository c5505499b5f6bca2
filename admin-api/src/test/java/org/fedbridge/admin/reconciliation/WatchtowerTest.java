package org.fedbridge.admin.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.admin.TestBridge;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestSidechain;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thief holding a threshold of key shares certifies a withdrawal root that pays itself, for a
 * sidechain block whose real root is different, and posts it on the real (hardened) vault: the
 * watchtower compares it with the operator's own sidechain replica and revokes it with the pauser
 * key inside the challenge window; after the window the root pays nothing, and the honest root of
 * that block can then be posted and is matched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WatchtowerTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("watchtower-chain"));
  private static final TestSidechain SIDECHAIN =
      TestSidechain.start(
          CHAIN, TestConsole.dir("watchtower-sidechain"), "admin_wt_sidechain", Map.of());
  private static final TestBridge BRIDGE = new TestBridge(CHAIN, SIDECHAIN);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Environment environment;
  @Autowired Vault vault;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new LinkedHashMap<>(
            TestConsole.settings(
                TestConsole.database("admin_watchtower"), TestConsole.dir("watchtower")));
    s.putAll(CHAIN.settings());
    s.put("bridge.admin.sidechain.rpc-url", SIDECHAIN.url());
    s.put("bridge.admin.reconciliation.interval", "PT1S");
    TestConsole.register(registry, s);
  }

  @AfterAll
  static void stop() {
    SIDECHAIN.close();
    CHAIN.close();
  }

  private JsonNode get(String path) throws Exception {
    return JSON.readTree(
        TestConsole.call(environment, "GET", path, TestConsole.BOOTSTRAP_TOKEN, null).body());
  }

  private static BigInteger balance(String address) throws Exception {
    return CHAIN.web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  @Test
  void exploitARootCertifiedByAStolenThresholdIsRevokedInsideItsChallengeWindowAndPaysNothing()
      throws Exception {
    Credentials user = Credentials.create(CHAIN.anvil.privateKeys().get(3));
    Credentials thief = Credentials.create(CHAIN.anvil.privateKeys().get(4));
    BRIDGE.depositAndMint(
        user, user.getAddress(), TestChain.ETHER.multiply(BigInteger.valueOf(20)));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !SIDECHAIN
                    .rpc("eth_getBalance", user.getAddress(), "latest")
                    .asText()
                    .equals("0x0"));
    long block = BRIDGE.burn(user, user.getAddress(), TestChain.ETHER);

    // The thief's withdrawal, in a root of its own for that block, certified by t stolen shares.
    BigInteger tenEther = TestChain.ETHER.multiply(BigInteger.TEN);
    Withdrawal loot =
        new Withdrawal(
            UInt256.of(9_999),
            Address.ZERO,
            Address.fromHex(thief.getAddress()),
            Address.fromHex(thief.getAddress()),
            new UInt256(tenEther));
    Bytes32 fake = MerkleTree.of(List.of(loot.leaf())).root();
    WithdrawalBatch batch = new WithdrawalBatch(UInt256.of(block), fake, UInt256.ONE);
    BigInteger vaultBefore = balance(CHAIN.vault);
    BigInteger thiefBefore = balance(thief.getAddress());
    Instant posted = Instant.now();
    BRIDGE.postRoot(batch, BRIDGE.certify(batch, CHAIN.shares.subList(1, 4), 0));
    Vault.RootStatus status = vault.rootStatus(fake);
    assertThat(status.posted()).isTrue();
    assertThat(status.revoked()).isFalse();

    await()
        .atMost(Duration.ofSeconds(TestChain.DELAYS.challengePeriodSeconds()))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> vault.rootStatus(fake).revoked());
    System.out.printf(
        "watchtower: forged root revoked %d ms after it was posted (window %d s)%n",
        Duration.between(posted, Instant.now()).toMillis(),
        TestChain.DELAYS.challengePeriodSeconds());
    JsonNode roots = get("/api/watchtower/roots");
    JsonNode ours = null;
    for (JsonNode r : roots) {
      if (r.path("root").asText().equalsIgnoreCase(fake.toHex())) {
        ours = r;
      }
    }
    assertThat(ours.path("status").asText()).isEqualTo("REVOKED");
    assertThat(ours.path("revokeTransaction").asText()).startsWith("0x");
    assertThat(
            get("/api/audit?actor=system:watchtower&limit=5")
                .path("entries")
                .findValuesAsString("action"))
        .contains("root.revoke");

    // After the window the thief tries to claim: nothing is paid, ever.
    BRIDGE.afterChallengePeriod();
    Throwable refused =
        catchThrowable(
            () ->
                BRIDGE
                    .vaultAs(thief)
                    .claim(
                        new BridgeVault.Withdrawal(
                            BigInteger.valueOf(9_999),
                            Address.ZERO.toHex(),
                            thief.getAddress(),
                            thief.getAddress(),
                            tenEther),
                        new BridgeVault.Proof(fake.bytes(), BigInteger.ZERO, List.of()))
                    .send());
    assertThat(refused).isNotNull();
    assertThat(balance(CHAIN.vault)).isEqualTo(vaultBefore);
    assertThat(balance(thief.getAddress())).isLessThanOrEqualTo(thiefBefore);

    // The block's real root can now be posted, and the watchtower matches it.
    Bytes32 honest = BRIDGE.postRoot(block);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (JsonNode r : get("/api/watchtower/roots")) {
                if (r.path("root").asText().equalsIgnoreCase(honest.toHex())) {
                  return r.path("status").asText().equals("MATCHED");
                }
              }
              return false;
            });
  }
}
