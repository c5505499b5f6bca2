package org.fedbridge.admin.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fedbridge.admin.ConsoleTest;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestKafkaProducer;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.DepositBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.Heartbeat;
import org.fedbridge.core.wire.HeartbeatRecord;
import org.fedbridge.core.wire.WireType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The federation view from real Kafka records: each member's status from its own signed heartbeats,
 * certificates with the members that did not sign; forged or misattributed records are counted and
 * change nothing (a hostile Kafka cannot report a member as halted or healthy, nor make a
 * certificate up).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationViewTest extends ConsoleTest {
  private static final SecretKey GROUP = SecretKey.random(new SecureRandom());
  @Autowired Roster roster;
  private String viewer;

  @BeforeAll
  void setUp() {
    viewer = principal("federation-viewer", Role.VIEWER);
    roster.groupKey(0, Hex.encode(GROUP.publicKey().toCompressed()));
  }

  private static Heartbeat heartbeat(
      int member, String operator, long now, long lag, boolean halted, String reason) {
    return new Heartbeat(
        operator,
        TestConsole.memberIdentity(member).publicKey(),
        0,
        member,
        now,
        1000,
        990,
        990 - lag,
        500,
        500,
        Optional.of(new Heartbeat.LastSigned(WireType.DEPOSIT_BATCH, UInt256.of(980), 0)),
        halted,
        reason,
        "fedbridge-test 1");
  }

  private static void send(HeartbeatRecord r) {
    TestKafkaProducer.send("bridge.heartbeats", r.kafkaKey(), r.encode());
  }

  private JsonNode member(String operator) throws Exception {
    for (JsonNode m :
        json(call("GET", "/api/federation", viewer, null)).path("epoch").path("members")) {
      if (m.path("operatorId").asText().equals(operator)) {
        return m;
      }
    }
    throw new AssertionError("no member " + operator);
  }

  @Test
  void eachMembersStatusComesFromItsOwnSignedHeartbeats() throws Exception {
    long now = System.currentTimeMillis();
    send(
        HeartbeatRecord.unsigned(heartbeat(1, "op-1", now, 0, false, ""))
            .signedBy(TestConsole.memberIdentity(1)));
    send(
        HeartbeatRecord.unsigned(heartbeat(2, "op-2", now, 0, true, "lying replica at block 42"))
            .signedBy(TestConsole.memberIdentity(2)));
    send(
        HeartbeatRecord.unsigned(heartbeat(3, "op-3", now, 500, false, ""))
            .signedBy(TestConsole.memberIdentity(3)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> member("op-3").path("status").asText().equals("LAGGING"));
    assertThat(member("op-1").path("status").asText()).isEqualTo("OK");
    assertThat(member("op-2").path("status").asText()).isEqualTo("HALTED");
    assertThat(member("op-2").path("haltReason").asText()).isEqualTo("lying replica at block 42");
    assertThat(member("op-3").path("l1Lag").asLong()).isEqualTo(500);
    assertThat(member("op-1").path("lastSigned").path("batchId").asText()).isEqualTo("980");
    assertThat(member("op-4").path("status").asText()).isEqualTo("UNKNOWN");
    JsonNode summary = json(call("GET", "/api/federation", viewer, null));
    assertThat(summary.path("epoch").path("threshold").asInt()).isEqualTo(3);
    assertThat(summary.path("epoch").path("members").size()).isEqualTo(4);
  }

  @Test
  void forgedOrMisattributedHeartbeatsChangeNothingExploit() throws Exception {
    long now = System.currentTimeMillis();
    send(
        HeartbeatRecord.unsigned(heartbeat(4, "op-4", now, 0, false, ""))
            .signedBy(TestConsole.memberIdentity(4)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> member("op-4").path("status").asText().equals("OK"));
    long later = now + 10_000;
    // An outsider signs a heartbeat under its own key claiming to be op-4, halted.
    IdentityKey outsider = IdentityKey.random(new SecureRandom());
    Heartbeat impersonation =
        new Heartbeat(
            "op-4",
            outsider.publicKey(),
            0,
            4,
            later,
            1,
            1,
            1,
            1,
            1,
            Optional.empty(),
            true,
            "forged",
            "x");
    send(HeartbeatRecord.unsigned(impersonation).signedBy(outsider));
    // op-1 signs a heartbeat naming op-4 as its operator.
    send(
        HeartbeatRecord.unsigned(heartbeat(1, "op-4", later, 0, true, "blame op-4"))
            .signedBy(TestConsole.memberIdentity(1)));
    // op-4's own heartbeat with a broken signature.
    byte[] broken =
        HeartbeatRecord.unsigned(heartbeat(4, "op-4", later, 0, true, "tampered"))
            .signedBy(TestConsole.memberIdentity(4))
            .encode();
    broken[broken.length - 5] ^= 0x55;
    TestKafkaProducer.send("bridge.heartbeats", new byte[33], broken);
    TestKafkaProducer.send("bridge.heartbeats", new byte[] {1}, new byte[] {1, 3, 0, 0});
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              JsonNode refused =
                  json(call("GET", "/api/federation", viewer, null)).path("refusedRecords");
              return refused.path("bridge.heartbeats: unknown identity key").asLong() >= 1
                  && refused
                          .path("bridge.heartbeats: operator id does not match the identity key")
                          .asLong()
                      >= 1
                  && refused.path("bridge.heartbeats: bad identity signature").asLong() >= 1
                  && refused.has("bridge.heartbeats: malformed (MALFORMED)");
            });
    assertThat(member("op-4").path("status").asText()).isEqualTo("OK");
    assertThat(member("op-4").path("halted").asBoolean()).isFalse();
  }

  private static Domain domain(long epoch) {
    return new Domain(
        UInt256.of(31337),
        Address.fromHex("0x00000000000000000000000000000000000000aa"),
        UInt256.of(1337),
        UInt256.of(epoch));
  }

  private static CertificateRecord deposits(long block, SecretKey signer, List<Integer> signers) {
    DepositBody body =
        new DepositBody(
            UInt256.of(block),
            List.of(
                new Deposit(
                    UInt256.of(block),
                    Address.ZERO,
                    Address.fromHex("0x00000000000000000000000000000000000000b1"),
                    Address.fromHex("0x00000000000000000000000000000000000000b2"),
                    UInt256.of(5))));
    return new CertificateRecord(
        0, body, Bls.sign(signer, body.message().digest(domain(0))), signers, 1);
  }

  @Test
  void certificatesShowWhoDidNotSignAndForgeriesAreRefused() throws Exception {
    long block = 700_000 + System.nanoTime() % 100_000;
    CertificateRecord honest = deposits(block, GROUP, List.of(1, 2, 3));
    TestKafkaProducer.send("bridge.certificates", honest.kafkaKey(), honest.encode());
    CertificateRecord forged =
        deposits(block + 1, SecretKey.random(new SecureRandom()), List.of(1, 2, 3, 4));
    TestKafkaProducer.send("bridge.certificates", forged.kafkaKey(), forged.encode());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                json(call("GET", "/api/federation/certificates?limit=50", viewer, null))
                    .findValues("batchId")
                    .stream()
                    .anyMatch(b -> b.asText().equals(Long.toString(block))));
    JsonNode certs = json(call("GET", "/api/federation/certificates?limit=50", viewer, null));
    JsonNode mine = null;
    for (JsonNode c : certs) {
      assertThat(c.path("batchId").asText()).isNotEqualTo(Long.toString(block + 1));
      if (c.path("batchId").asText().equals(Long.toString(block))) {
        mine = c;
      }
    }
    assertThat(mine.path("verified").asBoolean()).isTrue();
    assertThat(mine.path("type").asText()).isEqualTo("fedbridge.DepositBatch.v1");
    assertThat(mine.path("notSigned").toString()).isEqualTo("[\"op-4\"]");
    assertThat(member("op-4").path("missedSignatures").asLong()).isPositive();
    assertThat(member("op-1").path("missedSignatures").asLong()).isZero();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                json(call("GET", "/api/federation", viewer, null))
                        .path("refusedRecords")
                        .path("bridge.certificates: does not verify under its epoch's group key")
                        .asLong()
                    >= 1);
  }
}
