package org.fedbridge.validator.consensus;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.batch.BatchConfiguration;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.governance.VaultGovernanceNonce;
import org.fedbridge.validator.signing.SigningConfiguration;
import org.fedbridge.validator.testing.L1Chain;
import org.fedbridge.validator.testing.TestDatabase;
import org.fedbridge.validator.testing.TestFederation;
import org.fedbridge.validator.testing.TestGovernance;
import org.fedbridge.validator.testing.ValidatorUnderTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Members of an epoch-0 federation for the governance certification tests, every part real: per
 * member its governance feed reading the test's {@code bridge.governance} topic into its own
 * PostgreSQL database, its L1 reader of the vault on anvil, its signing loop and its consensus node
 * over Kafka with another database. What it certifies besides batches (token configs, pauser
 * updates, unpauses) is the caller's choice; its consensus observes exactly the same.
 */
final class GovernanceMembers {
  private GovernanceMembers() {}

  /** One member: its consensus node and its signing features. */
  record Member(TestNode node, SigningConfiguration.Standalone signing) {}

  /**
   * Assembles and starts members 1..n of {@code federation}, each with a fresh identity key, over
   * fresh consensus topics; everything they open is added to {@code closing}.
   */
  static List<Member> all(
      String name,
      TestFederation federation,
      int n,
      L1Chain l1,
      TestGovernance governance,
      IdentityPublicKey governanceKey,
      BiFunction<JdbcClient, VaultGovernanceNonce, SigningConfiguration.Governance> what,
      List<AutoCloseable> closing) {
    TestNode.Topics topics = TestNode.Topics.fresh();
    Map<Integer, IdentityPublicKey> identities = new HashMap<>();
    List<IdentityKey> keys = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      IdentityKey k = IdentityKey.random(new SecureRandom());
      keys.add(k);
      identities.put(i, k.publicKey());
    }
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      members.add(
          assemble(
              name,
              federation,
              l1,
              governance,
              governanceKey,
              topics,
              identities,
              keys.get(i - 1),
              i,
              what,
              closing));
    }
    return members;
  }

  /**
   * Assembles and starts member {@code index}; everything it opens is added to {@code closing}.
   *
   * @param what what it certifies, from its database and its vault reader
   */
  static Member assemble(
      String name,
      TestFederation federation,
      L1Chain l1,
      TestGovernance governance,
      IdentityPublicKey governanceKey,
      TestNode.Topics topics,
      Map<Integer, IdentityPublicKey> identities,
      IdentityKey identity,
      int index,
      BiFunction<JdbcClient, VaultGovernanceNonce, SigningConfiguration.Governance> what,
      List<AutoCloseable> closing) {
    HikariDataSource ds = TestDatabase.fresh(name + index).open();
    closing.add(ds);
    var feed = governance.feed(governanceKey, identity.publicKey(), ds);
    closing.add(feed::stop);
    VaultGovernanceNonce vault =
        new VaultGovernanceNonce(Web3j.build(new HttpService(l1.anvil.rpcUrl())), l1.vaultAddress);
    closing.add(vault);
    SigningConfiguration.Governance g = what.apply(JdbcClient.create(ds), vault);
    Batches none = (type, id) -> Optional.empty();
    Batches withConfigs = g.tokenConfigs().get().map(c -> c.over(none)).orElse(none);
    Batches observed = g.pauses().get().map(p -> p.over(withConfigs)).orElse(withConfigs);
    EpochView view =
        new EpochView(
            0,
            l1.domain(),
            ThresholdVerifier.checked(federation.groupKey, federation.members).orThrow(),
            identities,
            OptionalInt.of(index));
    TestNode node =
        new TestNode(
            name + "_node" + index,
            TestNode.freshDatabase(name + "_node" + index),
            topics,
            TestFederation.federations(view),
            observed,
            org.fedbridge.validator.consensus.TestFederation.signer(identity),
            Duration.ofMillis(300));
    closing.add(node);
    node.start();
    ValidatorProperties properties =
        ValidatorUnderTest.properties(
            l1, "http://127.0.0.1:1", 1, ValidatorProperties.Finality.CONFIRMATIONS, 0, 1000);
    SigningConfiguration.Standalone signing =
        SigningConfiguration.standalone(
            ds,
            Clock.systemUTC(),
            new SimpleMeterRegistry(),
            federation.signer(index, 0),
            () -> Optional.of(TestFederation.federations(view)),
            () -> Optional.of(node.publisher),
            g,
            BatchConfiguration.Store.over(ds, Clock.systemUTC()),
            l1.web3j,
            properties,
            () -> -1L);
    return new Member(node, signing);
  }
}
