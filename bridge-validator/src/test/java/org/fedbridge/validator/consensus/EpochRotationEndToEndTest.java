package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.validator.batch.BlockRef;
import org.fedbridge.validator.dkg.DkgFixture;
import org.fedbridge.validator.signing.SigningLoop;
import org.fedbridge.validator.testing.L1Chain;
import org.fedbridge.validator.testing.SidechainReplica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * An epoch rotation end to end on the validator side, every part real: epoch 0's federation (four
 * operators, t = 3) from a real DKG over Kafka, its vault on anvil and a sidechain-node replica
 * whose genesis holds it; each validator's governance feed, signing loop (with its share keystores
 * and the current-epoch guard reading both chains), and consensus over Kafka with its own
 * PostgreSQL database. The admin console's part (approvals, and submitting the certificate) is
 * played by the test: it publishes the rotation under the governance key and submits the
 * certificate the validators made, as admin-api's {@code RotationTest} does.
 *
 * <p>op-4 leaves and op-5 joins: the members of epoch 1 run its DKG, epoch 0 signs and certifies
 * the hand-over, it is applied on L1 and on the sidechain, the validators switch; a deposit made
 * after the rotation is minted under epoch 1, a withdrawal root posted under epoch 0 still pays,
 * and the removed member signs nothing (threats rows 1 and 11).
 */
class EpochRotationEndToEndTest {
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final List<AutoCloseable> CLOSING = new ArrayList<>();

  @AfterAll
  static void close() throws Exception {
    for (int i = CLOSING.size() - 1; i >= 0; i--) {
      CLOSING.get(i).close();
    }
  }

  @Test
  void aMemberIsReplacedTheFederationHandsOverAndOldRootsStillPayExploit() throws Exception {
    List<DkgFixture.Member> members = DkgFixture.confirmed("rotation_e2e", 4, 3, 0, 1);
    var epoch0 = members.get(0).federation();
    L1Chain l1 =
        new L1Chain(
            epoch0.groupKey(), epoch0.memberSet().orThrow(), List.of(L1Chain.generousEth()));
    CLOSING.add(l1);
    SidechainReplica sidechain =
        SidechainReplica.start(epoch0.groupKey(), epoch0.memberSet().orThrow(), l1.vaultAddress);
    CLOSING.add(sidechain::close);
    Address vault = Address.fromHex(l1.vaultAddress);
    IdentityKey governance = IdentityKey.random(new SecureRandom());
    String governanceTopic = "governance-" + java.util.UUID.randomUUID();
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()))) {
      org.fedbridge.service.KafkaTopics.ensure(
          admin, List.of(new org.fedbridge.service.TopicSpec(governanceTopic, 1, false)));
    }
    TestNode.Topics topics = TestNode.Topics.fresh();

    List<InProcessValidator> validators = new ArrayList<>();
    for (DkgFixture.Member m : members) {
      validators.add(
          InProcessValidator.assemble(
              m, l1, sidechain, governance.publicKey(), governanceTopic, topics, CLOSING));
    }
    List<InProcessValidator> stay = validators.subList(0, 3); // op-1..op-3
    InProcessValidator leaving = validators.get(3); // op-4
    InProcessValidator joining = validators.get(4); // op-5
    assertThat(validators).allMatch(v -> v.epoch() == 0);

    // Before the rotation: a deposit minted under epoch 0, and a withdrawal whose root epoch 0
    // certifies and posts on L1.
    Credentials user = l1.user;
    BridgeVault.DepositEventResponse first =
        depositAndCertify(l1, validators, 0, ETHER.multiply(BigInteger.valueOf(5)));
    mint(sidechain, validators.get(0), first, 0);
    await()
        .atMost(WAIT)
        .until(
            () ->
                SidechainCalls.sidechainBalance(sidechain, user.getAddress()).equals(first.amount));
    Address l1Recipient = Address.fromHex("0x00000000000000000000000000000000000000e1");
    long burnBlock = sidechain.withdrawEth(0, l1Recipient, ETHER);
    JsonNode rootInfo =
        sidechain.rpc("bridge_getWithdrawalRoot", "0x" + Long.toHexString(burnBlock));
    WithdrawalBatch oldRoot =
        new WithdrawalBatch(
            UInt256.of(burnBlock),
            Bytes32.fromHex(rootInfo.get("withdrawalRoot").asText()),
            UInt256.of(rootInfo.get("withdrawalCount").asLong()));
    byte[] oldRootSignature = InProcessValidator.certifyDirectly(stay, oldRoot, 0);
    l1.vault
        .postWithdrawalRoot(
            new BridgeVault.WithdrawalBatch(
                oldRoot.batchId().value(),
                oldRoot.withdrawalRoot().bytes(),
                oldRoot.withdrawalCount().value()),
            oldRootSignature)
        .send();

    // The console publishes the approved rotation: op-4 leaves, op-5 joins, t = 3 of 4.
    List<DkgFixture.Member> next =
        List.of(members.get(0), members.get(1), members.get(2), members.get(4));
    List<RotationMember> named = new ArrayList<>();
    for (int i = 0; i < next.size(); i++) {
      named.add(
          new RotationMember(i + 1, next.get(i).operatorId(), next.get(i).identity().publicKey()));
    }
    GovernanceRecord rotation =
        GovernanceRecord.unsigned(
                new Governance(
                    l1.anvil.chainId(),
                    vault,
                    SidechainReplica.CHAIN_ID,
                    1,
                    7,
                    0,
                    new Rotation(1, 0, 3, named)),
                governance.publicKey())
            .signedBy(governance);
    try (var producer =
        new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(
            Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers(), "acks", "all"),
            new org.apache.kafka.common.serialization.ByteArraySerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      producer
          .send(
              new org.apache.kafka.clients.producer.ProducerRecord<>(
                  governanceTopic, rotation.kafkaKey(), rotation.encode()))
          .get();
    }
    for (DkgFixture.Member m : next) {
      await("DKG of epoch 1 at " + m.operatorId())
          .atMost(WAIT)
          .until(() -> m.service().federation(1).isPresent());
    }
    assertThat(members.get(3).service().federation(1)).as("op-4 ran no DKG").isEmpty();

    // Epoch 0 signs the hand-over its members' own DKG confirmed; op-4 has none to sign.
    assertThat(leaving.signing().loop().runOnce().signed()).isZero();
    for (InProcessValidator v : stay) {
      assertThat(v.signing().loop().runOnce().signed()).isEqualTo(1);
    }
    for (InProcessValidator v : validators.subList(0, 4)) {
      await()
          .atMost(WAIT)
          .until(() -> v.node().certificate(MessageType.EPOCH_CHANGE, UInt256.ONE).isPresent());
    }
    Certificate handover =
        stay.get(0).node().certificate(MessageType.EPOCH_CHANGE, UInt256.ONE).orElseThrow();
    EpochChange change = (EpochChange) handover.content().message();
    assertThat(change.newGroupKey())
        .isEqualTo(members.get(0).service().federation(1).orElseThrow().groupKey());
    assertThat(change.members().members().stream().map(m -> m.operatorId()).toList())
        .containsExactly("op-1", "op-2", "op-3", "op-5");

    // Submitted as the console does: L1 queues it behind the governance delay; the sidechain
    // applies it; until both hold it nobody switches.
    BridgeVault.EpochChange onL1 =
        new BridgeVault.EpochChange(
            change.newEpoch().value(),
            change.newGroupKey().toEip2537(),
            BigInteger.valueOf(change.members().threshold()),
            BigInteger.valueOf(change.members().size()),
            change.members().membersHash().bytes());
    l1.vault.submitEpochChange(onL1, handover.content().signature().toEip2537()).send();
    SidechainCalls.submitToSidechain(sidechain, change, handover);
    await().atMost(WAIT).until(() -> sidechain.rpc("bridge_epoch").get("number").asLong() == 1);
    stay.get(0).refresh();
    assertThat(stay.get(0).federation().federations().current()).as("L1 still at 0").isEmpty();
    l1.advance(L1Chain.DELAYS.governanceDelaySeconds() + 1);
    l1.vault.executeEpochChange(onL1).send();
    validators.forEach(InProcessValidator::refresh);
    assertThat(validators).allMatch(v -> v.epoch() == 1);
    assertThat(joining.federation().federations().current().orElseThrow().myIndex()).hasValue(4);
    assertThat(leaving.federation().federations().current().orElseThrow().myIndex()).isEmpty();

    // A deposit after the rotation: the new federation signs it (op-5 included), op-4 cannot.
    List<InProcessValidator> epoch1 =
        List.of(validators.get(0), validators.get(1), validators.get(2), joining);
    BridgeVault.DepositEventResponse second = depositAndCertify(l1, validators, 1, ETHER);
    assertThat(leaving.signing().loop().runOnce().idle()).hasValue(SigningLoop.Idle.NOT_A_MEMBER);
    Certificate minted = mint(sidechain, epoch1.get(0), second, 1);
    assertThat(minted.content().key().epoch()).isEqualTo(1);
    assertThat(
            org.fedbridge.core.bls.Bls.verify(
                change.newGroupKey(),
                minted
                    .content()
                    .message()
                    .digest(
                        epoch1.get(0).federation().federations().current().orElseThrow().domain()),
                minted.content().signature()))
        .isTrue();
    await()
        .atMost(WAIT)
        .until(
            () ->
                SidechainCalls.sidechainBalance(sidechain, user.getAddress())
                    .equals(first.amount.add(second.amount)));
    // Epoch 0's key counts for nothing any more: a certificate it makes is refused.
    List<Deposit> forged =
        List.of(
            new Deposit(
                UInt256.of(99),
                Address.ZERO,
                Address.fromHex(user.getAddress()),
                Address.fromHex(user.getAddress()),
                UInt256.of(1)));
    DepositBatch stale = DepositBatch.of(UInt256.of(999_999), forged);
    byte[] byOldShares = InProcessValidator.oldEpochSignature(stay, stale);
    assertThatThrownBy(
            () ->
                sidechain.rpc(
                    "bridge_submitDepositCertificate",
                    SidechainCalls.depositJson(stale.batchId(), forged, 0, byOldShares)))
        .hasMessageContaining("bridge_submitDepositCertificate");
    assertThat(SidechainCalls.sidechainBalance(sidechain, user.getAddress()))
        .as("nothing minted by the old epoch's shares")
        .isEqualTo(first.amount.add(second.amount));

    // The root posted under epoch 0 still pays after the rotation.
    l1.advance(L1Chain.DELAYS.challengePeriodSeconds() + 1);
    JsonNode proof = sidechain.rpc("bridge_getWithdrawalProof", "0");
    JsonNode w = proof.get("withdrawal");
    List<byte[]> siblings = new ArrayList<>();
    proof.get("proof").forEach(s -> siblings.add(Numeric.hexStringToByteArray(s.asText())));
    TransactionReceipt paid =
        l1.vault
            .claim(
                new BridgeVault.Withdrawal(
                    new BigInteger(w.get("nonce").asText()),
                    w.get("l1Token").asText(),
                    w.get("sender").asText(),
                    w.get("l1Recipient").asText(),
                    new BigInteger(w.get("amount").asText())),
                new BridgeVault.Proof(
                    Numeric.hexStringToByteArray(proof.get("withdrawalRoot").asText()),
                    BigInteger.valueOf(proof.get("leafIndex").asLong()),
                    siblings))
            .send();
    assertThat(paid.isStatusOK()).isTrue();
    assertThat(
            l1.web3j
                .ethGetBalance(
                    l1Recipient.toHex(), org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
                .send()
                .getBalance())
        .isEqualTo(ETHER);
  }

  /**
   * Deposits ETH on L1 and has the validators store it as their L1 watcher would (that block's
   * deposits, safe); the members of {@code epoch} then sign it in their signing loops.
   */
  private static BridgeVault.DepositEventResponse depositAndCertify(
      L1Chain l1, List<InProcessValidator> validators, long epoch, BigInteger wei)
      throws Exception {
    TransactionReceipt r = l1.depositEth(wei);
    BridgeVault.DepositEventResponse e = BridgeVault.getDepositEvents(r).get(0);
    Deposit deposit =
        new Deposit(
            new UInt256(e.nonce),
            Address.ZERO,
            Address.fromHex(e.sender),
            Address.fromHex(e.recipient),
            new UInt256(e.amount));
    BlockRef block =
        new BlockRef(r.getBlockNumber().longValueExact(), Bytes32.fromHex(r.getBlockHash()));
    for (InProcessValidator v : validators) {
      var observations = v.store().observations();
      observations.recordDeposits(
          observations.cursor(org.fedbridge.validator.batch.Chain.L1),
          block,
          List.of(deposit),
          Instant.now());
    }
    for (InProcessValidator v : validators) {
      var view = v.federation().federations().current();
      if (view.isPresent() && view.get().epoch() == epoch && view.get().myIndex().isPresent()) {
        // (a joiner also signs the older batches it stored, under the new epoch: harmless)
        assertThat(v.signing().loop().runOnce().signed())
            .as(v.member().operatorId())
            .isGreaterThanOrEqualTo(1);
      }
    }
    return e;
  }

  /** Waits for the deposit's certificate at {@code at} and submits it to the sidechain. */
  private static Certificate mint(
      SidechainReplica sidechain,
      InProcessValidator at,
      BridgeVault.DepositEventResponse e,
      long epoch)
      throws Exception {
    UInt256 batch = UInt256.of(e.log.getBlockNumber().longValueExact());
    await()
        .atMost(WAIT)
        .until(() -> at.node().certificate(MessageType.DEPOSIT_BATCH, batch).isPresent());
    Certificate c = at.node().certificate(MessageType.DEPOSIT_BATCH, batch).orElseThrow();
    assertThat(c.content().key().epoch()).isEqualTo(epoch);
    sidechain.rpc(
        "bridge_submitDepositCertificate",
        SidechainCalls.depositJson(
            batch, c.content().deposits(), epoch, c.content().signature().toCompressed()));
    return c;
  }
}
