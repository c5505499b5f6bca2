package org.fedbridge.relayer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.fedbridge.contracts.generated.BridgeVault;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * A payout the recipient refuses (a contract that reverts on receiving ETH) does not sink the
 * claim: the vault owes it instead ({@code PayoutDeferred}). The relayer shows the debt to its
 * owner with the call that pulls it, and follows the pull ({@code OwedWithdrawn}) to "paid".
 */
class OwedPayoutTest {
  static final String ETH = "0x0000000000000000000000000000000000000000";

  @Test
  void aRefusedPayoutIsShownAsADebtWithHowToPullItAndIsPaidWhenItsOwnerPullsIt() throws Exception {
    Bridge bridge = Bridge.get();
    Users users = new Users(bridge);
    RelayerDb db = new RelayerDb(bridge);
    Credentials owner = bridge.users.get(5);
    String contract = RefusingRecipient.deploy(bridge, owner, bridge.vault);
    BigInteger amount = Bridge.ether(2);
    Users.Burn burn = users.withdrawEth(bridge.users.get(4), contract, amount);
    String url = bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
    RoundTripTest.awaitStage(url, "REQUESTED");
    bridge.validators.certifyWithdrawals(burn.block());

    JsonNode debt = RoundTripTest.awaitStage(url, "DEBT");
    assertThat(debt.get("reason").asText())
        .contains("owes it")
        .contains("withdrawOwed(" + ETH + ", to)")
        .contains(contract);
    String owedLink = "/api/v1/addresses/" + contract + "/owed";
    assertThat(debt.at("/links/owed").asText()).isEqualTo(owedLink);
    assertThat(RoundTripTest.stages(debt))
        .containsExactly(
            "REQUESTED", "CERTIFIED", "ROOT_POSTED", "CHALLENGE_WINDOW", "CLAIMING", "DEBT");
    assertThat(db.claimsOf(burn.nonce())).as("the relayer's claim settled it").hasSize(1);
    BridgeVault vault = bridge.vaultAs(bridge.deployer);
    assertThat(vault.isClaimed(burn.nonce()).send()).as("settled: never paid twice").isTrue();
    assertThat(vault.owed(contract, ETH).send()).isEqualTo(amount);
    assertThat(users.l1Balance(contract)).isZero();

    // What the owner is shown: the amount, the withdrawals, and the exact call that pulls it.
    String payTo = Users.freshAddress();
    JsonNode owed = Http.get(bridge.relayerUrl() + owedLink + "?to=" + payTo).json();
    assertThat(owed.get("owner").asText()).isEqualTo(contract);
    assertThat(owed.get("debts")).hasSize(1);
    JsonNode d = owed.get("debts").get(0);
    assertThat(d.get("token").asText()).isEqualTo(ETH);
    assertThat(d.get("symbol").asText()).isEqualTo("ETH");
    assertThat(d.get("amount").asText()).isEqualTo(amount.toString());
    assertThat(d.get("withdrawals").get(0).asText()).isEqualTo(burn.nonce().toString());
    String pull =
        FunctionEncoder.encode(
            new Function("withdrawOwed", List.of(new Address(ETH), new Address(payTo)), List.of()));
    assertThat(d.at("/pull/data").asText()).isEqualTo(pull);
    assertThat(d.at("/pull/to").asText()).isEqualTo(bridge.vault);
    assertThat(d.at("/pull/from").asText()).isEqualTo(contract);
    assertThat(d.at("/pull/payTo").asText()).isEqualTo(payTo.toLowerCase());
    assertThat(owed.get("how").asText()).contains("from the owner's address");
    await("the vault's total owed in /tokens")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> new BigInteger(tokens(bridge, "ETH").get("owed").asText()),
            o -> o.compareTo(amount) >= 0);
    // Nobody else can pull it: from another address the same call finds nothing owed.
    var stranger =
        bridge
            .l1
            .ethCall(
                Transaction.createEthCallTransaction(
                    bridge.users.get(0).getAddress(), bridge.vault, pull),
                DefaultBlockParameterName.LATEST)
            .send();
    assertThat(stranger.isReverted() || stranger.hasError()).as("stranger's pull reverts").isTrue();
    assertThat(Http.get(bridge.relayerUrl() + owedLink + "?to=" + ETH).status()).isEqualTo(400);

    // The owner has its contract pull it, to another address.
    assertThat(RefusingRecipient.call(bridge, owner, contract, pull).isStatusOK()).isTrue();
    JsonNode paid = RoundTripTest.awaitStage(url, "CLAIMED");
    assertThat(RoundTripTest.stages(paid)).containsSubsequence("DEBT", "CLAIMED");
    assertThat(paid.get("reason").asText()).isEqualTo("paid on L1");
    assertThat(users.l1Balance(payTo)).isEqualTo(amount);
    assertThat(vault.owed(contract, ETH).send()).isZero();
    await("the debt is gone from the owner's view")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Http.get(bridge.relayerUrl() + owedLink).json().get("debts").isEmpty());
  }

  static JsonNode tokens(Bridge bridge, String symbol) {
    for (JsonNode t : Http.get(bridge.relayerUrl() + "/api/v1/tokens").json().get("tokens")) {
      if (t.get("symbol").asText().equals(symbol)) {
        return t;
      }
    }
    throw new AssertionError("no token " + symbol);
  }
}
