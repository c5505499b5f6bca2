package org.fedbridge.relayer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The relayer dies (SIGKILL) between sending a transaction and its mining, twice: once the node
 * also loses the transaction, once it is mined while the relayer is down. Restarted, the relayer
 * pays nothing twice and completes. And a transaction underpriced on purpose (the base fee jumps
 * after it was signed) is replaced with bumped fees under the same nonce and mined.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {
  private static Bridge bridge;
  private static Users users;
  private static RelayerDb db;

  @BeforeAll
  static void system() {
    bridge = Bridge.get();
    users = new Users(bridge);
    db = new RelayerDb(bridge);
  }

  @AfterEach
  void miningBack() {
    bridge.anvilRpc("evm_setIntervalMining", 1);
  }

  private static void stopMining() {
    bridge.anvilRpc("evm_setAutomine", false);
    bridge.anvilRpc("evm_setIntervalMining", 0);
  }

  @Test
  @Order(1)
  void killedBetweenSendingAndMiningPaysNothingTwiceAndCompletes() throws Exception {
    Credentials user = bridge.users.get(2);
    String recipient = Users.freshAddress();
    BigInteger amount = Bridge.ether(1);
    stopMining();
    Users.Burn burn = users.withdrawEth(user, recipient, amount);
    RoundTripTest.awaitStage(url(burn), "REQUESTED");
    bridge.validators.certifyWithdrawals(burn.block());

    // The root post is signed, written and sent; nothing is mined.
    RelayerDb.Intent post = awaitSent(() -> db.postRoot(burn.block()));
    bridge.killRelayer();
    bridge.anvilRpc("anvil_dropAllTransactions"); // the node forgets it as well
    assertThat(l1Transaction(post.attempts().get(post.attempts().size() - 1))).isNull();

    bridge.startRelayer();
    // Restarted, it sends the same signed bytes again: the same hash, the same nonce.
    await("the stored root post is sent again")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.postRoot(burn.block()).get(0).attempts().stream()
                    .anyMatch(h -> l1Transaction(h) != null));
    bridge.anvilRpc("evm_mine");
    // Nothing pays inside the root's challenge window: blocks must be mined past its end.
    Instant claimableAt =
        Instant.parse(
            RoundTripTest.awaitStage(url(burn), "CHALLENGE_WINDOW").get("until").asText());
    await("the challenge window passes on L1")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              bridge.anvilRpc("evm_mine");
              return !bridge.l1Time(null).isBefore(claimableAt);
            });

    // Then the claim is sent, and mined while the relayer is down.
    RelayerDb.Intent claim = awaitSent(() -> db.claimsOf(burn.nonce()));
    bridge.killRelayer();
    bridge.anvilRpc("evm_mine");
    bridge.startRelayer();
    bridge.anvilRpc("evm_setIntervalMining", 1);

    JsonNode claimed = RoundTripTest.awaitStage(url(burn), "CLAIMED");
    assertThat(users.l1Balance(recipient)).as("paid once").isEqualTo(amount);
    List<RelayerDb.Intent> posts = db.postRoot(burn.block());
    List<RelayerDb.Intent> claims = db.claimsOf(burn.nonce());
    assertThat(posts).as("one root post").hasSize(1);
    assertThat(posts.get(0).status()).isEqualTo("MINED");
    assertThat(posts.get(0).attempts()).contains(posts.get(0).minedHash());
    assertThat(claims).as("one claim").hasSize(1);
    assertThat(claims.get(0).status()).isEqualTo("MINED");
    assertThat(claims.get(0).id()).isEqualTo(claim.id());
    assertThat(claims.get(0).attempts()).contains(claims.get(0).minedHash());
    assertThat(claimed.get("transactions").findValuesAsText("hash"))
        .contains(claims.get(0).minedHash());
    // No nonce was used twice or skipped: every signed nonce is mined, and only those.
    long chainNonce =
        Numeric.toBigInt(
                bridge
                    .anvilRpc("eth_getTransactionCount", bridge.relayerKey.getAddress(), "latest")
                    .asText())
            .longValueExact();
    assertThat(db.nextNonce(bridge.relayerKey.getAddress())).isEqualTo(chainNonce);
  }

  @Test
  @Order(2)
  void underpricedTransactionIsReplacedWithBumpedFeesAndMined() throws Exception {
    Credentials user = bridge.users.get(2);
    String recipient = Users.freshAddress();
    BigInteger amount = Bridge.ether(1);
    stopMining();
    Users.Burn burn = users.withdrawEth(user, recipient, amount);
    RoundTripTest.awaitStage(url(burn), "REQUESTED");
    bridge.validators.certifyWithdrawals(burn.block());
    RelayerDb.Intent post = awaitSent(() -> db.postRoot(burn.block()));
    String first = post.attempts().get(0);
    JsonNode tx = l1Transaction(first);
    BigInteger maxFee = Numeric.toBigInt(tx.get("maxFeePerGas").asText());

    // The base fee jumps far above what the transaction offers: it cannot be mined.
    bridge.anvilRpc(
        "anvil_setNextBlockBaseFeePerGas",
        Numeric.toHexStringWithPrefix(maxFee.multiply(BigInteger.valueOf(20))));
    bridge.anvilRpc("evm_setIntervalMining", 1);

    RoundTripTest.awaitStage(url(burn), "CLAIMED");
    RelayerDb.Intent mined = db.postRoot(burn.block()).get(0);
    assertThat(mined.status()).isEqualTo("MINED");
    assertThat(mined.attempts()).as("replaced at least once").hasSizeGreaterThanOrEqualTo(2);
    assertThat(mined.minedHash()).as("a replacement was mined, not the first").isNotEqualTo(first);
    assertThat(mined.nonce()).isEqualTo(post.nonce());
    JsonNode replacement = l1Transaction(mined.minedHash());
    assertThat(Numeric.toBigInt(replacement.get("maxFeePerGas").asText()))
        .isGreaterThanOrEqualTo(
            maxFee.multiply(BigInteger.valueOf(115)).divide(BigInteger.valueOf(100)));
    assertThat(Numeric.toBigInt(replacement.get("nonce").asText()).longValueExact())
        .isEqualTo(post.nonce());
    assertThat(users.l1Balance(recipient)).isEqualTo(amount);
    assertThat(db.postRoot(burn.block())).hasSize(1);
  }

  private static String url(Users.Burn burn) {
    return bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
  }

  private static JsonNode l1Transaction(String hash) {
    JsonNode t = bridge.anvilRpc("eth_getTransactionByHash", hash);
    return t == null || t.isNull() ? null : t;
  }

  private static RelayerDb.Intent awaitSent(
      java.util.concurrent.Callable<List<RelayerDb.Intent>> intents) {
    return await("a transaction signed, stored and sent")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              List<RelayerDb.Intent> found = intents.call();
              return found.isEmpty() || !found.get(0).broadcast().contains(true)
                  ? null
                  : found.get(0);
            },
            i -> i != null);
  }
}
