package org.fedbridge.relayer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * The relayer honours the vault: a large withdrawal waits out its delay ("delayed until T"), a
 * paused vault shows "paused" and the withdrawal is paid after the federation unpauses, and a
 * withdrawal above what the period limit still allows is held until the period does.
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
  void withdrawalAboveWhatThePeriodAllowsIsHeldUntilThePeriodEnds() throws Exception {
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
