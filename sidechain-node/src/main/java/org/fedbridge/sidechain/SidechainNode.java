package org.fedbridge.sidechain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.LiveLedger;
import org.fedbridge.sidechain.replication.Replica;
import org.fedbridge.sidechain.replication.TransactionLog;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.subscriptions.ChainEvents;
import org.fedbridge.sidechain.rpc.subscriptions.FilterRegistry;
import org.fedbridge.sidechain.store.BlockWriter;
import org.fedbridge.sidechain.store.ChainQueries;
import org.fedbridge.sidechain.store.StoredState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The running node: store, log producer, admission and replica, started once the context (and
 * Flyway) is ready and stopped before the datasource closes; it can be stopped and started again
 * (the replica resumes from its database). The replica installs its ledger in a {@link LiveLedger}
 * that admission and JSON-RPC read, so none of them holds another.
 */
final class SidechainNode implements SmartLifecycle, DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(SidechainNode.class);

  private final SidechainProperties properties;
  private final Admin admin;
  private final TransactionLog log;
  private final Replica replica;
  private final Chain chain;
  private final ChainEvents events = new ChainEvents();
  private volatile boolean running;

  SidechainNode(
      SidechainProperties properties,
      Genesis genesis,
      DataSource dataSource,
      Admin admin,
      Clock clock) {
    this.properties = properties;
    this.admin = admin;
    Map<String, Object> kafka = properties.kafka().clientProperties();
    String topic = properties.topics().txs();
    ChainQueries queries = new ChainQueries(dataSource, topic, genesis.chainId());
    Replica.Store store =
        new Replica.Store(
            new BlockWriter(dataSource, topic, properties.history().blocks()),
            queries,
            new StoredState(dataSource));
    LiveLedger ledger = new LiveLedger();
    this.log = new TransactionLog(kafka, topic);
    Admission admission =
        new Admission(
            ledger, log, properties.admission().nonceWindow(), properties.admission().maxQueued());
    this.replica =
        new Replica(
            genesis,
            store,
            ledger,
            kafka,
            new Replica.Settings(
                topic,
                properties.blocks().maxTransactions(),
                properties.blocks().tickInterval(),
                properties.history().blocks()),
            log,
            admission);
    replica.addListener(admission::stored);
    replica.addListener(events::blockStored);
    admission.onAppended(events::transactionAccepted);
    SidechainProperties.Filters f = properties.filters();
    FilterRegistry filters = new FilterRegistry(clock, f.timeout(), f.max(), f.maxChanges());
    events.add(filters);
    this.chain = new Chain(ledger, replica, queries, admission, filters);
  }

  Chain chain() {
    return chain;
  }

  Replica replica() {
    return replica;
  }

  /** New blocks and accepted transactions, for subscribers. */
  ChainEvents events() {
    return events;
  }

  @Override
  public void start() {
    keepLogForever();
    replica.start();
    running = true;
  }

  /** A new replica replays the log from the start: it must never be deleted. */
  private void keepLogForever() {
    try {
      ConfigResource topic =
          new ConfigResource(ConfigResource.Type.TOPIC, properties.topics().txs());
      admin
          .incrementalAlterConfigs(
              Map.of(
                  topic,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"),
                          AlterConfigOp.OpType.SET),
                      new AlterConfigOp(
                          new ConfigEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1"),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("cannot set unlimited retention on {}: {}", properties.topics().txs(), e.toString());
    }
  }

  /** Stops reading the log (the context may start it again, e.g. a paused test context). */
  @Override
  public void stop() {
    running = false;
    replica.close();
  }

  /** The context is closing for good. */
  @Override
  public void destroy() {
    log.close();
    events.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
