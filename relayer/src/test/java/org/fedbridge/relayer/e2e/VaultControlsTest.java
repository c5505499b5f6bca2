package org.fedbridge.relayer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.types.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The relayer honours the vault: a large withdrawal waits out its delay ("delayed until T"), a
 * paused vault shows "paused" and the withdrawal is paid after the federation unpauses, and a
 * withdrawal above what the period limit still allows is held until the limit allows it; a root
 * revoked by a pauser inside its challenge window, or by a later epoch's certificate, is shown
 * "revoked" and never claimed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VaultControlsTest {
  private static Bridge bridge;
  private static Users users;

  @BeforeAll
  static void system() {
    bridge = Bridge.get();
    users = new Users(bridge);
  }

  @Test
  @Order(1)
  void largeWithdrawalIsDelayedShowsPausedAndIsPaidAfterUnpauseAndItsDelay() throws Exception {
    Credentials user = bridge.users.get(3);
    String recipient = Users.freshAddress();
    BigInteger amount = Bridge.ETH_DELAY_ABOVE.add(Bridge.ether(10));
    Users.Burn burn = users.withdrawEth(user, recipient, amount);
    String url = url(burn);
    RoundTripTest.awaitStage(url, "REQUESTED");
    bridge.validators.certifyWithdrawals(burn.block());

    JsonNode delayed = RoundTripTest.awaitStage(url, "DELAYED");
    Instant posted = Instant.parse(delayed.at("/batch/rootPostedAt").asText());
    Instant until = Instant.parse(delayed.get("until").asText());
    assertThat(until).isEqualTo(posted.plusSeconds(Bridge.ETH_DELAY_SECONDS));
    assertThat(delayed.get("reason").asText())
        .contains("delay threshold")
        .contains(until.toString());
    assertThat(Instant.parse(delayed.get("nextStageDueAt").asText())).isAfter(until);

    bridge.vaultAs(bridge.pauser).pause().send();
    JsonNode paused = RoundTripTest.awaitStage(url, "PAUSED");
    assertThat(paused.get("reason").asText()).contains("paused");
    assertThat(users.l1Balance(recipient)).isZero();

    // Only a federation certificate unpauses.
    bridge.validators.unpause();

    JsonNode claimed = RoundTripTest.awaitStage(url, "CLAIMED");
    assertThat(RoundTripTest.stages(claimed))
        .containsSubsequence("ROOT_POSTED", "DELAYED", "PAUSED", "CLAIMED");
    assertThat(users.l1Balance(recipient)).isEqualTo(amount);
    assertThat(blockTime(claimHash(claimed))).isAfterOrEqualTo(until);
  }

  @Test
  @Order(2)
  void withdrawalAboveWhatThePeriodLimitAllowsIsHeldUntilTheLimitAllowsIt() throws Exception {
    Credentials user = bridge.users.get(4);
    String me = user.getAddress().toLowerCase();
    // TKN on the sidechain first: deposit, certify, mint.
    var receipt = users.depositToken(user, me, Bridge.ether(150));
    String deposit =
        bridge.relayerUrl() + "/api/v1/deposits/" + RoundTripTest.depositNonce(receipt);
    RoundTripTest.awaitStage(deposit, "FINAL");
    long block = receipt.getBlockNumber().longValueExact();
    bridge.validators.mint(block, bridge.validators.certifyDeposits(block));
    RoundTripTest.awaitStage(deposit, "MINTED");

    String first = Users.freshAddress();
    Users.Burn burn1 = users.withdrawToken(user, first, Bridge.ether(60));
    RoundTripTest.awaitStage(url(burn1), "REQUESTED");
    bridge.validators.certifyWithdrawals(burn1.block());
    RoundTripTest.awaitStage(url(burn1), "CLAIMED");

    String second = Users.freshAddress();
    Users.Burn burn2 = users.withdrawToken(user, second, Bridge.ether(50));
    RoundTripTest.awaitStage(url(burn2), "REQUESTED");
    bridge.validators.certifyWithdrawals(burn2.block());
    JsonNode held = RoundTripTest.awaitStage(url(burn2), "RATE_LIMITED");
    Instant until = Instant.parse(held.get("until").asText());
    assertThat(held.get("reason").asText()).contains("period limit").contains(until.toString());
    JsonNode tokens = Http.get(bridge.relayerUrl() + "/api/v1/tokens").json();
    JsonNode tkn = null;
    for (JsonNode t : tokens.get("tokens")) {
      if (t.get("symbol").asText().equals("TKN")) {
        tkn = t;
      }
    }
    assertThat(new BigInteger(tkn.at("/period/available").asText())).isLessThan(Bridge.ether(50));
    assertThat(tkn.at("/limits/periodLimit").asText())
        .isEqualTo(Bridge.TKN_PERIOD_LIMIT.toString());
    assertThat(users.tokenBalance(second)).isZero();

    JsonNode claimed = RoundTripTest.awaitStage(url(burn2), "CLAIMED");
    assertThat(users.tokenBalance(second)).isEqualTo(Bridge.ether(50));
    assertThat(blockTime(claimHash(claimed))).isAfterOrEqualTo(until);
  }

  @Test
  @Order(3)
  void aRootAPauserRevokesInItsChallengeWindowIsShownRevokedAndNeverClaimedExploit()
      throws Exception {
    String recipient = Users.freshAddress();
    Users.Burn burn = users.withdrawEth(bridge.users.get(3), recipient, Bridge.ether(1));
    String url = url(burn);
    RoundTripTest.awaitStage(url, "REQUESTED");
    bridge.validators.certifyWithdrawals(burn.block());
    byte[] root = awaitRootOnL1(url);

    // A watcher found the root wrong: a pauser revokes it inside its challenge window.
    TransactionReceipt revocation = bridge.vaultAs(bridge.pauser).revokeRoot(root).send();
    assertThat(revocation.isStatusOK()).isTrue();
    JsonNode revoked = RoundTripTest.awaitStage(url, "REVOKED");
    assertThat(revoked.get("reason").asText())
        .contains("revoked by pauser " + bridge.pauser.getAddress().toLowerCase())
        .contains("never pays");
    assertThat(RoundTripTest.stages(revoked))
        .containsSubsequence("CERTIFIED", "ROOT_POSTED", "REVOKED")
        .doesNotContain("CLAIMING", "CLAIMED");
    assertNeverClaimed(burn, recipient, root);
  }

  @Test
  @Order(4)
  void aRootALaterEpochRevokesBeforeItPaysIsShownRevokedAndNeverClaimedExploit() throws Exception {
    // Large, so it waits out its delay (12 s) after the challenge window: time to rotate.
    String recipient = Users.freshAddress();
    BigInteger amount = Bridge.ETH_DELAY_ABOVE.add(Bridge.ether(1));
    Users.Burn burn = users.withdrawEth(bridge.users.get(3), recipient, amount);
    String url = url(burn);
    RoundTripTest.awaitStage(url, "REQUESTED");
    bridge.validators.certifyWithdrawals(burn.block());
    byte[] root = awaitRootOnL1(url);
    long rootEpoch = bridge.vaultAs(bridge.deployer).rootStatus(root).send().epoch.longValueExact();

    // The next epoch (here the same members, key stored again) revokes what the last one posted.
    bridge.validators.rotateVaultEpoch();
    bridge.validators.revokeRoot(new Bytes32(root));
    JsonNode revoked = RoundTripTest.awaitStage(url, "REVOKED");
    assertThat(revoked.get("reason").asText())
        .contains("revoked by a certificate of epoch " + (rootEpoch + 1));
    assertThat(RoundTripTest.stages(revoked)).doesNotContain("CLAIMING", "CLAIMED");
    assertNeverClaimed(burn, recipient, root);
  }

  /** The root of a certified withdrawal (from its claim data), once it is posted on L1. */
  private static byte[] awaitRootOnL1(String url) {
    JsonNode claim =
        await("the certificate")
            .atMost(Duration.ofSeconds(60))
            .until(() -> Http.get(url + "/claim"), r -> r.status() == 200)
            .json();
    byte[] root = Numeric.hexStringToByteArray(claim.at("/proof/root").asText());
    await("the root posted on L1")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> bridge.vaultAs(bridge.deployer).rootStatus(root).send().count.signum() > 0);
    return root;
  }

  /** Past its root's challenge window and its delay, the relayer still sends nothing for it. */
  private static void assertNeverClaimed(Users.Burn burn, String recipient, byte[] root)
      throws Exception {
    BridgeVault vault = bridge.vaultAs(bridge.deployer);
    BridgeVault.RootStatus status = vault.rootStatus(root).send();
    assertThat(status.revoked).isTrue();
    Instant wouldPay =
        Instant.ofEpochSecond(status.postedAt.longValueExact() + Bridge.ETH_DELAY_SECONDS);
    await("L1 past the time it would have paid")
        .atMost(Duration.ofSeconds(60))
        .until(() -> !bridge.l1Time(null).isBefore(wouldPay.plusSeconds(3)));
    RelayerDb db = new RelayerDb(bridge);
    await("no claim ever intended")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> db.claimsOf(burn.nonce()).isEmpty());
    assertThat(vault.isClaimed(burn.nonce()).send()).isFalse();
    assertThat(users.l1Balance(recipient)).isZero();
    assertThat(Http.get(url(burn) + "/claim").status()).as("no claim data for it").isEqualTo(409);
  }

  private static String url(Users.Burn burn) {
    return bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
  }

  private static String claimHash(JsonNode transfer) {
    for (JsonNode tx : transfer.get("transactions")) {
      if (tx.get("role").asText().equals("claim")) {
        return tx.get("hash").asText();
      }
    }
    throw new AssertionError("no claim transaction in " + transfer);
  }

  private static Instant blockTime(String txHash) throws Exception {
    var receipt =
        bridge.l1.ethGetTransactionReceipt(txHash).send().getTransactionReceipt().orElseThrow();
    var block =
        bridge
            .l1
            .ethGetBlockByNumber(DefaultBlockParameter.valueOf(receipt.getBlockNumber()), false)
            .send()
            .getBlock();
    return Instant.ofEpochSecond(block.getTimestamp().longValueExact());
  }
}
