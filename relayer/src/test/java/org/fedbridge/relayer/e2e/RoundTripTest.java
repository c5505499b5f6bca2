package org.fedbridge.relayer.e2e;

import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.bls.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The whole way there and back, for ETH and the ERC-20: a deposit on L1, final, signed, certified
 * and minted; a burn on the sidechain, signed, certified, its root posted and claimed by the
 * relayer; the L1 recipient receives exactly the amount. The API shows every stage in order with
 * its transactions, and the event stream delivers them as they happen.
 */
class RoundTripTest {
  private static Bridge bridge;
  private static Users users;

  @BeforeAll
  static void system() {
    bridge = Bridge.get();
    users = new Users(bridge);
  }

  @Test
  void ethGoesToTheSidechainAndBackAndEveryStageIsShownInOrder() throws Exception {
    Credentials user = bridge.users.get(0);
    String me = user.getAddress().toLowerCase();
    BigInteger deposit = Bridge.ether(5);
    BigInteger withdrawal = Bridge.ether(2);
    try (EventStream stream =
        new EventStream(bridge.relayerUrl() + "/api/v1/addresses/" + me + "/events")) {
      BigInteger sidechainBefore = sidechainBalance(me);
      TransactionReceipt receipt = users.depositEth(user, me, deposit);
      String depositNonce = depositNonce(receipt);
      roundTripDeposit(receipt, depositNonce, "ETH", deposit);
      assertThat(sidechainBalance(me)).isEqualTo(sidechainBefore.add(deposit));

      String l1Recipient = Users.freshAddress();
      Users.Burn burn = users.withdrawEth(user, l1Recipient, withdrawal);
      JsonNode done = roundTripWithdrawal(burn, "ETH");
      assertThat(users.l1Balance(l1Recipient))
          .as("paid exactly once, exactly")
          .isEqualTo(withdrawal);
      assertThat(done.get("recipient").asText()).isEqualTo(l1Recipient.toLowerCase());

      // The stream delivered the stages as they happened, deposit then withdrawal.
      await("stage events")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(stream.stages())
                      .containsSubsequence(
                          "FINAL",
                          "CERTIFIED",
                          "MINTED",
                          "REQUESTED",
                          "CERTIFIED",
                          "ROOT_POSTED",
                          "CHALLENGE_WINDOW",
                          "CLAIMING",
                          "CLAIMED"));
    }
  }

  @Test
  void erc20GoesToTheSidechainAndBack() throws Exception {
    Credentials user = bridge.users.get(1);
    String me = user.getAddress().toLowerCase();
    BigInteger amount = Bridge.ether(30);
    TransactionReceipt receipt = users.depositToken(user, me, amount);
    roundTripDeposit(receipt, depositNonce(receipt), "TKN", amount);
    JsonNode minted =
        Http.rpc(
            bridge.sidechainRpc,
            "eth_call",
            java.util.Map.of("to", bridge.sidechainToken, "data", balanceOf(me)),
            "latest");
    assertThat(Numeric.toBigInt(minted.asText())).isGreaterThanOrEqualTo(amount);

    String l1Recipient = Users.freshAddress();
    Users.Burn burn = users.withdrawToken(user, l1Recipient, amount);
    roundTripWithdrawal(burn, "TKN");
    assertThat(users.tokenBalance(l1Recipient)).isEqualTo(amount);
  }

  private void roundTripDeposit(
      TransactionReceipt receipt, String nonce, String symbol, BigInteger amount) throws Exception {
    long block = receipt.getBlockNumber().longValueExact();
    String url = bridge.relayerUrl() + "/api/v1/deposits/" + nonce;
    JsonNode fin = awaitStage(url, "FINAL");
    assertThat(fin.get("reason").asText()).contains("signatures 0 of");
    assertThat(fin.at("/progress/confirmations").asInt()).isEqualTo(1);
    assertThat(fin.at("/token/symbol").asText()).isEqualTo(symbol);
    assertThat(fin.get("amount").asText()).isEqualTo(amount.toString());
    assertThat(fin.get("nextStageDueAt").isNull()).isFalse();

    bridge.validators.depositPartials(block, 2);
    JsonNode signing =
        await("signatures 2 of 3")
            .atMost(Duration.ofSeconds(60))
            .until(() -> Http.get(url).json(), j -> j.at("/progress/signatures").asInt() == 2);
    assertThat(signing.get("reason").asText()).contains("signatures 2 of 3");

    Signature certificate = bridge.validators.certifyDeposits(block);
    awaitStage(url, "CERTIFIED");
    bridge.validators.mint(block, certificate);
    JsonNode minted = awaitStage(url, "MINTED");
    assertThat(stages(minted)).containsExactly("FINAL", "CERTIFIED", "MINTED");
    assertThat(times(minted)).isSorted();
    assertThat(minted.get("transactions").findValuesAsText("role"))
        .containsExactly("deposit", "mint");
    assertThat(minted.get("transactions").get(0).get("hash").asText())
        .isEqualTo(receipt.getTransactionHash());
    assertThat(minted.get("nextStageDueAt").isNull()).isTrue();
    // Found by its L1 transaction too.
    assertThat(
            Http.get(bridge.relayerUrl() + "/api/v1/transfers/tx/" + receipt.getTransactionHash())
                .json()
                .get(0)
                .get("nonce")
                .asText())
        .isEqualTo(nonce);
  }

  private JsonNode roundTripWithdrawal(Users.Burn burn, String symbol) {
    String url = bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
    JsonNode requested = awaitStage(url, "REQUESTED");
    assertThat(requested.at("/token/symbol").asText()).isEqualTo(symbol);
    assertThat(requested.get("reason").asText()).contains("signatures 0 of");
    assertThat(
            Http.get(bridge.relayerUrl() + "/api/v1/transfers/tx/" + burn.hash())
                .json()
                .get(0)
                .get("nonce")
                .asText())
        .isEqualTo(burn.nonce().toString());

    bridge.validators.withdrawalPartials(burn.block(), 1);
    await("signatures 1 of 3")
        .atMost(Duration.ofSeconds(60))
        .until(() -> Http.get(url).json(), j -> j.at("/progress/signatures").asInt() == 1);
    bridge.validators.certifyWithdrawals(burn.block());
    // Posted, the root waits out the vault's challenge window before anything in it pays.
    JsonNode window = awaitStage(url, "CHALLENGE_WINDOW");
    Instant posted = Instant.parse(window.at("/batch/rootPostedAt").asText());
    Instant until = Instant.parse(window.get("until").asText());
    assertThat(until).isEqualTo(posted.plus(Bridge.DELAYS.challengePeriodSeconds(), SECONDS));
    assertThat(window.get("reason").asText()).contains("challenge window until " + until);
    JsonNode claimed = awaitStage(url, "CLAIMED");
    assertThat(stages(claimed))
        .containsExactly(
            "REQUESTED", "CERTIFIED", "ROOT_POSTED", "CHALLENGE_WINDOW", "CLAIMING", "CLAIMED");
    assertThat(l1Time(claimed, "claim")).as("paid after the window").isAfterOrEqualTo(until);
    assertThat(times(claimed)).isSorted();
    List<String> roles = claimed.get("transactions").findValuesAsText("role");
    assertThat(roles).containsExactly("burn", "postRoot", "claim");
    assertThat(claimed.get("batch").get("rootPostedAt").isNull()).isFalse();
    return claimed;
  }

  /** The block time of the transfer's L1 transaction in {@code role}. */
  static Instant l1Time(JsonNode transfer, String role) {
    for (JsonNode tx : transfer.get("transactions")) {
      if (tx.get("role").asText().equals(role)) {
        return Bridge.get().l1BlockTime(tx.get("hash").asText());
      }
    }
    throw new AssertionError("no " + role + " transaction in " + transfer);
  }

  static JsonNode awaitStage(String url, String stage) {
    return await(url + " at " + stage)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              Http.Answer a = Http.get(url);
              return a.status() == 200 ? a.json() : null;
            },
            j -> j != null && j.get("stage").asText().equals(stage));
  }

  static List<String> stages(JsonNode transfer) {
    List<String> out = new ArrayList<>();
    transfer.get("stages").forEach(s -> out.add(s.get("stage").asText()));
    return out;
  }

  static List<Instant> times(JsonNode transfer) {
    List<Instant> out = new ArrayList<>();
    transfer.get("stages").forEach(s -> out.add(Instant.parse(s.get("at").asText())));
    return out;
  }

  static String depositNonce(TransactionReceipt receipt) {
    return receipt.getLogs().stream()
        .filter(l -> l.getAddress().equalsIgnoreCase(Bridge.get().vault))
        .map(BridgeVault::getDepositEventFromLog)
        .findFirst()
        .orElseThrow()
        .nonce
        .toString();
  }

  private static BigInteger sidechainBalance(String address) {
    return Numeric.toBigInt(
        Http.rpc(bridge.sidechainRpc, "eth_getBalance", address, "latest").asText());
  }

  private static String balanceOf(String address) {
    return "0x70a08231" + "0".repeat(24) + Numeric.cleanHexPrefix(address);
  }
}
