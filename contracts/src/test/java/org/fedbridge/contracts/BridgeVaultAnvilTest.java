package org.fedbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.RootRevocation;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.testsupport.ProjectRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The vault on anvil through the generated wrappers, with certificates made by bridge-core. */
class BridgeVaultAnvilTest {
  private AnvilVault v;

  @BeforeEach
  void deploy() throws Exception {
    v = new AnvilVault();
  }

  @Test
  void bridgeCoreCertificateVerifiesOnChainAndPays() throws Exception {
    v.depositEth(AnvilVault.ether(10));
    String recipient = "0x00000000000000000000000000000000000c0ffe";
    AnvilVault.Batch b =
        v.batch(
            List.of(
                v.withdrawal(AnvilVault.ETH, recipient, AnvilVault.ether(1)),
                v.withdrawal(AnvilVault.ETH, recipient, AnvilVault.ether(2)),
                v.withdrawal(AnvilVault.ETH, recipient, AnvilVault.ether(3))));
    // the digest bridge-core signs is the digest the vault verifies
    assertThat(v.vault.withdrawalBatchDigest(b.onChain()).send())
        .isEqualTo(b.batch().digest(v.domain()).bytes());
    TransactionReceipt posted = v.post(b);
    assertThat(posted.isStatusOK()).isTrue();
    var status = v.vault.rootStatus(b.batch().withdrawalRoot().bytes()).send();
    assertThat(status.count).isEqualTo(3);
    assertThat(status.batchId).isEqualTo(b.batch().batchId().value());
    assertThat(status.revoked).isFalse();
    var event = BridgeVault.getWithdrawalRootPostedEvents(posted).get(0);
    assertThat(event.claimableAt).isEqualTo(status.claimableAt);
    assertThat(status.claimableAt.subtract(status.postedAt))
        .isEqualTo(BigInteger.valueOf(AnvilVault.CHALLENGE));
    v.advance(AnvilVault.CHALLENGE);
    v.vault.claimMany(b.ws(), b.proofs()).send();
    assertThat(v.balance(recipient)).isEqualTo(AnvilVault.ether(6));
    assertThat(v.vault.isClaimed(b.w(2).nonce).send()).isTrue();
  }

  @Test
  void depositEventCarriesWhatValidatorsSign() throws Exception {
    TransactionReceipt r = v.depositEth(AnvilVault.ether(2));
    List<BridgeVault.DepositEventResponse> events = BridgeVault.getDepositEvents(r);
    assertThat(events).hasSize(1);
    BridgeVault.DepositEventResponse e = events.get(0);
    assertThat(e.nonce).isEqualTo(BigInteger.ONE);
    assertThat(e.token).isEqualTo(AnvilVault.ETH);
    assertThat(e.sender).isEqualToIgnoringCase(v.user.getAddress());
    assertThat(e.recipient).isEqualToIgnoringCase(v.user.getAddress());
    assertThat(e.amount).isEqualTo(AnvilVault.ether(2));
    assertThat(v.as(v.user).depositETH(v.user.getAddress(), BigInteger.TEN).send().getLogs())
        .hasSize(1);
    assertThat(v.vault.depositCount().send()).isEqualTo(2);
  }

  /** bridge-core's golden vectors: the same leaves and roots on-chain, the same digests. */
  @Test
  void goldenVectorsGiveSameLeavesRootsAndDigestsOnChain() throws Exception {
    JsonNode messages =
        new ObjectMapper()
            .readTree(
                ProjectRoot.get()
                    .resolve(Path.of("bridge-core/src/test/resources/golden/messages.json"))
                    .toFile());
    JsonNode wb = null;
    for (JsonNode m : messages.get("messages")) {
      if (m.get("type").asText().equals("WithdrawalBatch")) {
        wb = m;
      }
    }
    assertThat(wb).isNotNull();
    List<Withdrawal> ws = new ArrayList<>();
    for (JsonNode w : wb.get("withdrawals")) {
      Withdrawal withdrawal =
          new Withdrawal(
              UInt256.parse(w.get("nonce").asText()),
              Address.fromHex(w.get("l1Token").asText()),
              Address.fromHex(w.get("sender").asText()),
              Address.fromHex(w.get("l1Recipient").asText()),
              UInt256.parse(w.get("amount").asText()));
      ws.add(withdrawal);
      assertThat(withdrawal.leaf()).isEqualTo(Bytes32.fromHex(w.get("leaf").asText()));
    }
    AnvilVault.Batch b = v.batch(ws);
    assertThat(b.batch().withdrawalRoot())
        .isEqualTo(Bytes32.fromHex(wb.get("withdrawalRoot").asText()));
    // post the golden root for this deployment and pay its first (ETH) withdrawal
    v.depositEth(AnvilVault.ether(1));
    v.postAndWait(b);
    int eth = -1;
    for (int i = 0; i < ws.size(); i++) {
      if (ws.get(i).l1Token().equals(Address.ZERO)) {
        eth = i;
        break;
      }
    }
    assertThat(eth).isGreaterThanOrEqualTo(0);
    String to = ws.get(eth).l1Recipient().toHex();
    BigInteger before = v.balance(to);
    v.vault.claim(b.w(eth), b.proof(eth)).send();
    assertThat(v.balance(to).subtract(before)).isEqualTo(ws.get(eth).amount().value());

    // every governance digest of bridge-core equals the vault's for this live domain
    Domain d = v.domain();
    Federation next = Federation.create(9, 3, 4);
    EpochChange ec = new EpochChange(UInt256.ONE, next.groupKey, next.members);
    assertThat(
            v.vault
                .epochChangeDigest(
                    new BridgeVault.EpochChange(
                        BigInteger.ONE,
                        next.groupKey.toEip2537(),
                        BigInteger.valueOf(3),
                        BigInteger.valueOf(4),
                        next.members.membersHash().bytes()))
                .send())
        .isEqualTo(ec.digest(d).bytes());
    TokenConfig tc =
        new TokenConfig(
            UInt256.of(5),
            Address.fromHex("0x00000000000000000000000000000000000000aa"),
            true,
            UInt256.of(1_000),
            UInt256.of(60),
            UInt256.of(10),
            UInt256.of(30));
    assertThat(
            v.vault
                .tokenConfigDigest(
                    BigInteger.valueOf(5),
                    new BridgeVault.TokenSettings(
                        "0x00000000000000000000000000000000000000aa",
                        true,
                        BigInteger.valueOf(1_000),
                        BigInteger.valueOf(60),
                        BigInteger.TEN,
                        BigInteger.valueOf(30)))
                .send())
        .isEqualTo(tc.digest(d).bytes());
    assertThat(
            v.vault
                .pauserUpdateDigest(
                    new BridgeVault.PauserUpdate(BigInteger.TWO, v.attacker.getAddress(), false))
                .send())
        .isEqualTo(
            new PauserUpdate(UInt256.of(2), Address.fromHex(v.attacker.getAddress()), false)
                .digest(d)
                .bytes());
    assertThat(
            v.vault
                .unpauseDigest(new BridgeVault.Unpause(BigInteger.valueOf(7), BigInteger.TWO))
                .send())
        .isEqualTo(new Unpause(UInt256.of(7), UInt256.of(2)).digest(d).bytes());
    assertThat(v.vault.rootRevocationDigest(b.batch().withdrawalRoot().bytes()).send())
        .isEqualTo(new RootRevocation(b.batch().withdrawalRoot()).digest(d).bytes());
  }

  @Test
  void epochChangeFromBridgeCoreRotatesAfterItsDelayAndKeepsRootsClaimable() throws Exception {
    v.depositEth(AnvilVault.ether(5));
    String recipient = "0x0000000000000000000000000000000000000e0e";
    AnvilVault.Batch b = v.batch(List.of(v.withdrawal(AnvilVault.ETH, recipient, BigInteger.TEN)));
    v.postAndWait(b);
    Federation next = Federation.create(2, 5, 7);
    EpochChange change = new EpochChange(UInt256.ONE, next.groupKey, next.members);
    byte[] certificate = v.federation.certify(change, v.domain());
    BridgeVault.EpochChange onChain = v.epochChange(next);
    TransactionReceipt queued = v.vault.submitEpochChange(onChain, certificate).send();
    var op = BridgeVault.getOperationQueuedEvents(queued).get(0);
    // the operation id is the digest bridge-core signed
    assertThat(op.id).isEqualTo(change.digest(v.domain()).bytes());
    assertThat(v.vault.currentEpoch().send()).isZero();
    v.advance(AnvilVault.GOVERNANCE_DELAY);
    v.vault.executeEpochChange(onChain).send();
    assertThat(v.vault.currentEpoch().send()).isEqualTo(BigInteger.ONE);
    var epoch1 = v.vault.epochInfo(BigInteger.ONE).send();
    assertThat(PublicKey.fromEip2537(epoch1.component1()).orThrow()).isEqualTo(next.groupKey);
    // the root of epoch 0 still pays
    v.vault.claim(b.w(0), b.proof(0)).send();
    assertThat(v.balance(recipient)).isEqualTo(BigInteger.TEN);
    // and the new federation certifies from now on
    AnvilVault.Batch b2 = v.batch(List.of(v.withdrawal(AnvilVault.ETH, recipient, BigInteger.ONE)));
    v.vault.postWithdrawalRoot(b2.onChain(), next.certify(b2.batch(), v.domain())).send();
  }

  @Test
  void deployerValidatesItsInputAndTheVaultRefusesBadEpochZero() throws Exception {
    Federation f = Federation.create(3, 3, 4);
    assertThatThrownBy(
            () ->
                new VaultDeployer.Config(
                    BigInteger.ONE,
                    new byte[96],
                    3,
                    4,
                    new byte[32],
                    List.of(),
                    List.of(),
                    AnvilVault.DELAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VaultDeployer.Delays(0, 60))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VaultDeployer.Delays(60, 1L << 24))
        .isInstanceOf(IllegalArgumentException.class);
    // threshold 2 of 4 is below ⌊2n/3⌋+1: the constructor reverts
    assertThatThrownBy(() -> v.deployBare(f.groupKey.toEip2537(), 2, 4))
        .isInstanceOf(Exception.class);
  }
}
