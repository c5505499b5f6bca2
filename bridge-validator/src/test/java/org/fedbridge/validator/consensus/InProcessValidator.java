package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.batch.BatchConfiguration;
import org.fedbridge.validator.dkg.DkgFixture;
import org.fedbridge.validator.federation.FederationConfiguration;
import org.fedbridge.validator.governance.GovernanceFeed;
import org.fedbridge.validator.governance.GovernanceSettings;
import org.fedbridge.validator.governance.Handovers;
import org.fedbridge.validator.keys.KeysSettings;
import org.fedbridge.validator.keys.Signers;
import org.fedbridge.validator.keys.TestKeys;
import org.fedbridge.validator.signing.SigningConfiguration;
import org.fedbridge.validator.testing.L1Chain;
import org.fedbridge.validator.testing.SidechainReplica;
import org.fedbridge.validator.testing.ValidatorUnderTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One validator of {@link EpochRotationEndToEndTest} in the test JVM, wired as the service wires
 * it: its DKG member (real DKG, share keystores on disk), governance feed, federation view over
 * both chains with the current-epoch guard, signing loop with its hand-overs, and consensus node
 * over Kafka with its own PostgreSQL database.
 */
record InProcessValidator(
    DkgFixture.Member member,
    FederationConfiguration.Standalone federation,
    SigningConfiguration.Standalone signing,
    BatchConfiguration.Store store,
    TestNode node) {

  void refresh() {
    federation.refresh().run();
  }

  long epoch() {
    return federation.federations().current().map(v -> v.epoch()).orElse(-1L);
  }

  /** Starts member {@code m}'s validator; what must be stopped goes to {@code closing}. */
  static InProcessValidator assemble(
      DkgFixture.Member m,
      L1Chain l1,
      SidechainReplica sidechain,
      IdentityPublicKey governance,
      String governanceTopic,
      TestNode.Topics topics,
      List<AutoCloseable> closing) {
    ValidatorProperties properties =
        ValidatorUnderTest.properties(
            l1, sidechain.url(), 1, ValidatorProperties.Finality.CONFIRMATIONS, 0, 1000);
    Address vault = Address.fromHex(l1.vaultAddress);
    var feed =
        GovernanceFeed.forMember(
            governance,
            l1.anvil.chainId(),
            vault,
            SidechainReplica.CHAIN_ID,
            m.identity().publicKey(),
            m.service(),
            JdbcClient.create(m.dataSource()),
            new TransactionTemplate(new DataSourceTransactionManager(m.dataSource())),
            new KafkaSettings(TestKafka.shared().bootstrapServers(), Map.of()),
            new GovernanceSettings(null, governanceTopic, Duration.ofMillis(200)),
            Clock.systemUTC());
    feed.start();
    closing.add(feed::stop);
    var federation =
        FederationConfiguration.standalone(
            l1.web3j,
            l1.vaultAddress,
            URI.create(sidechain.url()),
            m.service(),
            l1.anvil.chainId(),
            SidechainReplica.CHAIN_ID,
            Signers.shares(
                new KeysSettings(
                    m.keysDir(), null, null, "X", KeysSettings.SignerKind.KEYSTORE, 1024),
                TestKeys.open(m.keysDir())));
    Handovers handovers =
        new Handovers(
            m.service(),
            JdbcClient.create(m.dataSource()),
            l1.anvil.chainId(),
            vault,
            SidechainReplica.CHAIN_ID);
    BatchConfiguration.Store store =
        BatchConfiguration.Store.over(m.dataSource(), Clock.systemUTC());
    TestNode node =
        new TestNode(
            m.operatorId().replace("-", ""),
            TestNode.freshDatabase("rotation_" + m.operatorId().replace("-", "")),
            topics,
            federation.federations(),
            handovers.over(store.batches()),
            Signers.identity(m.identity()),
            Duration.ofMillis(300));
    closing.add(node);
    node.start();
    var signing =
        SigningConfiguration.standalone(
            m.dataSource(),
            Clock.systemUTC(),
            new SimpleMeterRegistry(),
            federation.signer(),
            () -> Optional.of(federation.federations()),
            () -> Optional.of(node.publisher),
            new SigningConfiguration.Governance(() -> Optional.of(handovers), Optional::empty),
            store,
            l1.web3j,
            properties,
            () -> -1L);
    InProcessValidator v = new InProcessValidator(m, federation, signing, store, node);
    v.refresh();
    return v;
  }

  /** t members of {@code epoch} sign with their guarded share signers; the partials combined. */
  static byte[] certifyDirectly(
      List<InProcessValidator> signers, SignedMessage message, long epoch) {
    var view = signers.get(0).federation().federations().current().orElseThrow();
    assertThat(view.epoch()).isEqualTo(epoch);
    Bytes32 digest = message.digest(view.domain());
    List<PartialSignature> partials = new ArrayList<>();
    for (InProcessValidator v : signers) {
      partials.add(v.federation().signer().sign(epoch, digest).orThrow());
    }
    return ThresholdVerifier.interpolate(partials).orThrow().toEip2537();
  }

  /** Epoch 0's shares (read straight from the keystores, no guard) over an epoch-0 digest. */
  static byte[] oldEpochSignature(List<InProcessValidator> signers, DepositBatch batch) {
    var domain = signers.get(0).federation().federations().current().orElseThrow().domain();
    var epoch0Domain =
        new org.fedbridge.core.message.Domain(
            domain.l1ChainId(), domain.vault(), domain.sidechainId(), UInt256.ZERO);
    Bytes32 digest = batch.digest(epoch0Domain);
    List<PartialSignature> partials = new ArrayList<>();
    for (InProcessValidator v : signers) {
      var raw =
          Signers.shares(
              new KeysSettings(
                  v.member().keysDir(), null, null, "X", KeysSettings.SignerKind.KEYSTORE, 1024),
              TestKeys.open(v.member().keysDir()));
      partials.add(raw.sign(0, digest).orThrow());
    }
    return ThresholdVerifier.interpolate(partials).orThrow().toCompressed();
  }
}
