package org.fedbridge.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults with four real validator processes (t = 3) that ran their DKG, a real sidechain node,
 * Kafka broker, PostgreSQL and anvil: one started system for the whole class, the tests in order,
 * each leaving every validator up for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationFaultTest {
  private static final BigInteger MILLI_ETHER = BigInteger.TEN.pow(15);
  private static FederationSystem system;

  @BeforeAll
  static void start() throws Exception {
    system = new FederationSystem(Path.of("target", "federation-fault-test"), 4);
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  /** Waits until {@code recipient} holds exactly {@code wei} on the sidechain, and keeps it. */
  private static void awaitMintedExactlyOnce(String recipient, BigInteger wei) {
    await("deposit for " + recipient + " minted")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> system.sidechainEth(recipient).signum() > 0);
    await("and minted once")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> system.sidechainEth(recipient).equals(wei));
  }

  /** Every running validator has read L1 up to (at least) {@code block} as safe. */
  private static void awaitSafeEverywhere(long block, int... members) {
    for (int k : members) {
      await("validator " + k + " read L1 block " + block + " as safe")
          .atMost(Duration.ofMinutes(1))
          .until(() -> system.status(k).at("/l1/cursor").asLong() >= block);
    }
  }

  @Test
  @Order(1)
  void oneOfFourDownDepositsAreStillMinted() throws Exception {
    system.stopValidator(4, false);
    String r = FederationSystem.freshAddress();
    system.depositEth(1, r, MILLI_ETHER);
    awaitMintedExactlyOnce(r, MILLI_ETHER);
    system.restartValidator(4);
  }

  /**
   * Two of four down: below the threshold nothing is certified or minted (and the two left neither
   * halt nor certify anything else); once both are back, the backlog is minted exactly once.
   */
  @Test
  @Order(2)
  void twoDownNothingIsMintedThenBackUpTheBacklogIsMintedExactlyOnce() throws Exception {
    system.stopValidator(3, false);
    system.stopValidator(4, true);
    String r1 = FederationSystem.freshAddress();
    String r2 = FederationSystem.freshAddress();
    long b1 = system.depositEth(1, r1, MILLI_ETHER.multiply(BigInteger.TWO));
    long b2 = system.depositEth(2, r2, MILLI_ETHER.multiply(BigInteger.valueOf(3)));
    // Both remaining members have read and signed those blocks ...
    awaitSafeEverywhere(Math.max(b1, b2), 1, 2);
    await("members 1 and 2 signed the deposit batches")
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                signedBatches(1).containsAll(List.of(b1, b2))
                    && signedBatches(2).containsAll(List.of(b1, b2)));
    // ... yet with 2 of t = 3 partials there is no certificate and no mint.
    await("nothing minted with two of four down")
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                system.sidechainEth(r1).signum() == 0
                    && system.sidechainEth(r2).signum() == 0
                    && system.certificate(1, "deposit", b1).isMissingNode()
                    && !system.status(1).at("/halted").asBoolean()
                    && !system.status(2).at("/halted").asBoolean());

    system.restartValidator(3);
    system.restartValidator(4);
    awaitMintedExactlyOnce(r1, MILLI_ETHER.multiply(BigInteger.TWO));
    awaitMintedExactlyOnce(r2, MILLI_ETHER.multiply(BigInteger.valueOf(3)));
  }

  /**
   * A validator SIGKILLed while it signs a stream of deposits (between signing and publishing at
   * some point of it) restarts, re-publishes, and has never signed a digest other than the one the
   * federation certified for any batch; every deposit is minted once.
   */
  @Test
  @Order(3)
  void validatorKilledWhileSigningNeverSignsAConflictingDigestAfterRestart() throws Exception {
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String r = FederationSystem.freshAddress();
      recipients.add(r);
      system.depositEth(i % 3, r, MILLI_ETHER.add(BigInteger.valueOf(i)));
      if (i == 2) {
        // Once it has signed something of this stream, kill member 1 mid-stream.
        long before = system.status(1).at("/lastSigned/batchId").asLong();
        await("member 1 signs a new batch")
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> system.status(1).at("/lastSigned/batchId").asLong() > before);
        system.stopValidator(1, true);
      }
    }
    system.restartValidator(1);
    for (int i = 0; i < recipients.size(); i++) {
      awaitMintedExactlyOnce(recipients.get(i), MILLI_ETHER.add(BigInteger.valueOf(i)));
    }
    assertEverySignatureMatchesTheCertificate(1);
  }

  /**
   * The Kafka broker killed and restarted: every deposit before, during and after is minted once.
   */
  @Test
  @Order(4)
  void kafkaBrokerRestartedLosesAndDoublesNothing() throws Exception {
    String before = FederationSystem.freshAddress();
    String during = FederationSystem.freshAddress();
    String after = FederationSystem.freshAddress();
    system.depositEth(0, before, MILLI_ETHER.multiply(BigInteger.valueOf(7)));
    system.restartKafka();
    system.depositEth(1, during, MILLI_ETHER.multiply(BigInteger.valueOf(8)));
    system.depositEth(2, after, MILLI_ETHER.multiply(BigInteger.valueOf(9)));
    awaitMintedExactlyOnce(before, MILLI_ETHER.multiply(BigInteger.valueOf(7)));
    awaitMintedExactlyOnce(during, MILLI_ETHER.multiply(BigInteger.valueOf(8)));
    awaitMintedExactlyOnce(after, MILLI_ETHER.multiply(BigInteger.valueOf(9)));
    for (int k = 1; k <= 4; k++) {
      assertEverySignatureMatchesTheCertificate(k);
    }
  }

  /** The deposit batch ids validator {@code k} has signed (its signing protection). */
  private static List<Long> signedBatches(int k) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (JsonNode r : records(system.signingProtection(k))) {
      if (r.get("message_type").asText().equals("DEPOSIT_BATCH")) {
        ids.add(Long.parseLong(r.get("batch_id").asText()));
      }
    }
    return ids;
  }

  private static List<JsonNode> records(JsonNode export) {
    List<JsonNode> out = new ArrayList<>();
    export.at("/data").forEach(out::add);
    return out;
  }

  /** Every digest validator {@code k} ever signed is the one its batch's certificate carries. */
  private static void assertEverySignatureMatchesTheCertificate(int k) throws Exception {
    Map<Long, String> signed = new HashMap<>();
    for (JsonNode r : records(system.signingProtection(k))) {
      if (r.get("message_type").asText().equals("DEPOSIT_BATCH")) {
        signed.put(Long.parseLong(r.get("batch_id").asText()), r.get("digest").asText());
      }
    }
    assertThat(signed).as("validator " + k + " signed deposit batches").isNotEmpty();
    for (Map.Entry<Long, String> e : signed.entrySet()) {
      await("certificate of deposit batch " + e.getKey())
          .atMost(Duration.ofMinutes(1))
          .until(() -> system.certificate(k, "deposit", e.getKey()).has("digest"));
      assertThat(system.certificate(k, "deposit", e.getKey()).get("digest").asText())
          .as("validator %d, deposit batch %d", k, e.getKey())
          .isEqualTo(e.getValue());
    }
  }
}
