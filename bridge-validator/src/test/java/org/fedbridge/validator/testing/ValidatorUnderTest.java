package org.fedbridge.validator.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.fedbridge.core.types.Address;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.batch.BatchConfiguration;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.signing.SigningConfiguration;
import org.fedbridge.validator.signing.SigningLoop;
import org.fedbridge.validator.watch.WatchConfiguration;
import org.fedbridge.validator.watch.WatchStatus;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * One validator's watch/batch/signing features assembled over a real database, a real L1 (anvil)
 * and a real sidechain replica, driven by hand: {@link #pollL1()}, {@link #pollSidechain()}, {@link
 * #sign()}. {@link #restart()} drops every object and builds new ones over the same database, as a
 * process restart would.
 */
public final class ValidatorUnderTest implements AutoCloseable {
  public final TestDatabase db;
  public final L1Chain l1;
  public final ValidatorProperties properties;
  public final TestFederation federation;
  public final int myIndex;
  public final MutableClock clock;
  public final RecordingPublisher publisher;
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final HikariDataSource dataSource;
  public final BatchConfiguration.Store store;
  public final WatchConfiguration.Standalone watch;
  public final SigningConfiguration.Standalone signing;
  private final Web3j l1Client;
  private final HttpService sidechainClient;

  public ValidatorUnderTest(
      TestDatabase db,
      L1Chain l1,
      ValidatorProperties properties,
      TestFederation federation,
      int myIndex,
      MutableClock clock,
      RecordingPublisher publisher) {
    this.db = db;
    this.l1 = l1;
    this.properties = properties;
    this.federation = federation;
    this.myIndex = myIndex;
    this.clock = clock;
    this.publisher = publisher;
    this.dataSource = db.open();
    this.store = BatchConfiguration.Store.over(dataSource, clock);
    this.l1Client = Web3j.build(new HttpService(properties.l1().rpcUrl().toString()));
    this.sidechainClient = new HttpService(properties.sidechain().rpcUrl().toString());
    EpochView view = federation.epoch(l1.domain(), myIndex);
    AtomicReference<WatchStatus> status = new AtomicReference<>();
    this.signing =
        SigningConfiguration.standalone(
            dataSource,
            clock,
            registry,
            federation.signer(myIndex, 0),
            () -> Optional.of(TestFederation.federations(view)),
            () -> Optional.of(publisher),
            SigningConfiguration.Governance.none(),
            store,
            l1Client,
            properties,
            () -> status.get() == null ? -1 : status.get().l1SafeHead());
    this.watch =
        WatchConfiguration.standalone(
            l1Client,
            sidechainClient,
            store.observations(),
            signing.halt(),
            registry,
            clock,
            properties,
            () -> {});
    status.set(watch.status());
  }

  /**
   * Settings for a validator of {@code l1}'s vault reading {@code sidechainUrl}, reading 4 L1
   * blocks ahead (the default).
   */
  public static ValidatorProperties properties(
      L1Chain l1,
      String sidechainUrl,
      long sidechainStart,
      ValidatorProperties.Finality finality,
      int confirmations,
      int maxBlocksPerPoll) {
    return properties(
        l1, sidechainUrl, sidechainStart, finality, confirmations, maxBlocksPerPoll, 4);
  }

  /** The same with {@code readAhead} L1 blocks read ahead of the one being stored. */
  public static ValidatorProperties properties(
      L1Chain l1,
      String sidechainUrl,
      long sidechainStart,
      ValidatorProperties.Finality finality,
      int confirmations,
      int maxBlocksPerPoll,
      int readAhead) {
    return new ValidatorProperties(
        "operator-1",
        new ValidatorProperties.L1(
            URI.create(l1.anvil.rpcUrl()),
            l1.anvil.chainId(),
            l1.vaultAddress,
            confirmations,
            finality,
            l1.deploymentBlock,
            Duration.ofMillis(100),
            maxBlocksPerPoll,
            Duration.ofSeconds(10),
            readAhead),
        new ValidatorProperties.Sidechain(
            URI.create(sidechainUrl),
            SidechainReplica.CHAIN_ID,
            sidechainStart,
            Duration.ofMillis(100),
            1000,
            Duration.ofSeconds(10)),
        null,
        new ValidatorProperties.Topics("p", "c", "d", "h"),
        null, // keys, DKG and federation settings: not used by these tests
        null,
        null,
        new ValidatorProperties.Signing(Duration.ofMillis(100), 1000, 1000),
        new ValidatorProperties.Limits(Duration.ZERO),
        ValidatorProperties.Consensus.defaults(),
        ValidatorProperties.Submit.defaults(),
        ValidatorProperties.Heartbeat.defaults());
  }

  /** The same validator after a restart: new objects, same database. */
  public ValidatorUnderTest restart() {
    close();
    return new ValidatorUnderTest(db, l1, properties, federation, myIndex, clock, publisher);
  }

  public void pollL1() throws Exception {
    watch.l1().poll();
  }

  public void pollSidechain() throws Exception {
    watch.sidechain().poll();
  }

  public SigningLoop.Round sign() {
    return signing.loop().runOnce();
  }

  public Address vault() {
    return Address.fromHex(l1.vaultAddress);
  }

  /** A counter's value (0 when it was never registered). */
  public double counter(String name, String tagKey, String tagValue) {
    var c = registry.find(name).tag(tagKey, tagValue).counter();
    return c == null ? 0 : c.count();
  }

  public double gauge(String name) {
    var g = registry.find(name).gauge();
    return g == null ? Double.NaN : g.value();
  }

  @Override
  public void close() {
    l1Client.shutdown();
    try {
      sidechainClient.close();
    } catch (Exception e) {
      // closing a client of a test; nothing to do
    }
    dataSource.close();
  }
}
