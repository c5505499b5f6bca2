package org.fedbridge.relayer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fedbridge.testsupport.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Anyone can claim without the relayer: while L1 fees are above the relayer's ceiling it waits, and
 * a user sends the API's calldata with {@code cast} from another account. The relayer then shows
 * the withdrawal as claimed by that transaction and spends nothing on it.
 */
class SelfClaimTest {

  @Test
  void calldataFromTheApiSentByCastPaysAndTheRelayerTreatsItAsClaimed() throws Exception {
    Bridge bridge = Bridge.get();
    Users users = new Users(bridge);
    RelayerDb db = new RelayerDb(bridge);
    Credentials user = bridge.users.get(5);
    String recipient = Users.freshAddress();
    BigInteger amount = Bridge.ether(1);
    Users.Burn burn = users.withdrawEth(user, recipient, amount);
    String url = bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
    RoundTripTest.awaitStage(url, "REQUESTED");
    Http.Answer early = Http.get(url + "/claim");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.contentType()).startsWith("application/problem+json");

    // L1 fees jump far above the relayer's ceiling (300 gwei): it will not pay them.
    bridge.anvilRpc(
        "anvil_setNextBlockBaseFeePerGas", Numeric.toHexStringWithPrefix(BigInteger.TEN.pow(13)));
    bridge.validators.certifyWithdrawals(burn.block());
    JsonNode claim =
        await("claim data")
            .atMost(Duration.ofSeconds(60))
            .until(() -> Http.get(url + "/claim"), a -> a.status() == 200)
            .json();
    assertThat(claim.get("rootPosted").asBoolean()).isFalse();
    assertThat(claim.at("/withdrawal/recipient").asText()).isEqualTo(recipient.toLowerCase());
    assertThat(claim.at("/certificate/signatureEip2537").asText()).hasSize(2 + 256);
    await("the relayer waits for lower fees")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> Http.get(url).json().at("/batch/problem").asText(""),
            p -> p.contains("above the relayer's ceiling"));

    Credentials stranger = bridge.users.get(1);
    JsonNode post =
        cast(
            "send",
            claim.at("/postRoot/to").asText(),
            claim.at("/postRoot/data").asText(),
            stranger);
    // The API says when the vault pays it: once the root's challenge window is over.
    JsonNode posted =
        await("the root posted, with the time it pays from")
            .atMost(Duration.ofSeconds(60))
            .until(() -> Http.get(url + "/claim").json(), j -> j.get("rootPosted").asBoolean());
    assertThat(posted.get("postRoot").isNull()).isTrue();
    Instant claimableAt = Instant.parse(posted.get("claimableAt").asText());
    assertThat(claimableAt)
        .isEqualTo(
            bridge
                .l1BlockTime(post.get("transactionHash").asText())
                .plusSeconds(Bridge.DELAYS.challengePeriodSeconds()));
    await("the challenge window passes")
        .atMost(Duration.ofSeconds(60))
        .until(() -> !bridge.l1Time(null).isBefore(claimableAt));
    JsonNode paid =
        cast("send", claim.at("/claim/to").asText(), claim.at("/claim/data").asText(), stranger);
    String claimTx = paid.get("transactionHash").asText();
    assertThat(paid.get("status").asText()).isEqualTo("0x1");

    JsonNode claimed = RoundTripTest.awaitStage(url, "CLAIMED");
    assertThat(users.l1Balance(recipient)).isEqualTo(amount);
    assertThat(claimed.get("transactions").findValuesAsText("hash")).contains(claimTx);
    assertThat(RoundTripTest.stages(claimed)).doesNotContain("BLOCKED", "FAILED", "CLAIMING");
    assertThat(db.claimsOf(burn.nonce())).as("the relayer sent no claim").isEmpty();
    assertThat(db.postRoot(burn.block())).as("nor a root post").isEmpty();
  }

  private static JsonNode cast(String command, String to, String data, Credentials from)
      throws Exception {
    Bridge bridge = Bridge.get();
    Process p =
        new ProcessBuilder(
                List.of(
                    ProjectRoot.npmBinary("cast").toString(),
                    command,
                    to,
                    data,
                    "--private-key",
                    Numeric.toHexStringWithPrefixZeroPadded(
                        from.getEcKeyPair().getPrivateKey(), 64),
                    "--rpc-url",
                    bridge.anvil.rpcUrl(),
                    // The test raised the base fee to 10^13 wei; cast's estimate from the latest
                    // block can fall below the next block's, so the stranger offers twice that.
                    "--gas-price",
                    "20000000000000",
                    "--json"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as(
            out
                + " (base fee "
                + bridge.anvilRpc("eth_getBlockByNumber", "latest", false).get("baseFeePerGas")
                + ")")
        .isZero();
    return Http.JSON.readTree(out.substring(out.indexOf('{')));
  }
}
