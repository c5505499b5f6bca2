package org.fedbridge.sidechain.replication;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.LiveLedger;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.ledger.SealedBlock;
import org.fedbridge.sidechain.store.BlockWriter;
import org.fedbridge.sidechain.store.ChainQueries;
import org.fedbridge.sidechain.store.StoredBlock;
import org.fedbridge.sidechain.store.StoredState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sidechain replica: reads the ordered log from the offset stored with its last block, feeds
 * the {@link Ledger}, and stores every block it cuts together with the offset after it. On any
 * failure it throws its in-memory state away and starts again from its database, which is always a
 * block boundary. It also appends a tick record when transactions wait for a block.
 */
public final class Replica implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

  /** Told about each stored block (on the replica thread). */
  public interface BlockListener {
    void stored(Block block);
  }

  /** Where a replica keeps its chain: the writer, the reads, the state it restarts from. */
  public record Store(BlockWriter writer, ChainQueries queries, StoredState state) {}

  /**
   * @param topic the ordered log
   * @param maxTransactions a block is cut after this many transactions
   * @param tickInterval how often to append a tick while transactions wait ({@code ZERO}: never)
   * @param historyBlocks how many blocks before the head keep a readable state
   */
  public record Settings(
      String topic, int maxTransactions, Duration tickInterval, int historyBlocks) {}

  private final Genesis genesis;
  private final Store store;
  private final LiveLedger live;
  private final Map<String, Object> kafka;
  private final String topic;
  private final int maxTransactions;
  private final Duration tickInterval;
  private final int historyBlocks;
  private final RecordAppender log;
  private final Ledger.Pool drops;
  private final List<BlockListener> listeners = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch stopped = new CountDownLatch(1);
  private final TopicPartition partition;

  private volatile boolean running;
  private volatile boolean caughtUp;
  private volatile String failure;
  private volatile long processedRecords;
  private Thread thread;
  private ScheduledExecutorService ticker;
  private final java.util.concurrent.atomic.AtomicBoolean tickScheduled =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long lastTick = System.nanoTime();
  private KafkaConsumer<byte[], byte[]> consumer;

  /**
   * @param live where the replica installs its ledger (admission and JSON-RPC read it there)
   * @param log where ticks are appended ({@code null}: no ticks)
   * @param drops the node's pool, told about transactions that execution dropped
   */
  public Replica(
      Genesis genesis,
      Store store,
      LiveLedger live,
      Map<String, Object> kafkaClientProperties,
      Settings settings,
      RecordAppender log,
      Ledger.Pool drops) {
    this.genesis = genesis;
    this.store = store;
    this.live = live;
    this.kafka = kafkaClientProperties;
    this.topic = settings.topic();
    this.maxTransactions = settings.maxTransactions();
    this.tickInterval = settings.tickInterval();
    this.historyBlocks = settings.historyBlocks();
    this.log = log;
    this.drops = drops;
    this.partition = new TopicPartition(topic, 0);
  }

  public void addListener(BlockListener l) {
    listeners.add(l);
  }

  /** Loads the ledger from the database (writing block 0 into an empty one) and starts reading. */
  public synchronized void start() {
    stopped = new CountDownLatch(1);
    live.install(load());
    running = true;
    thread = new Thread(this::run, "replica-" + topic);
    thread.setDaemon(true);
    thread.start();
    if (log != null && tickInterval != null && !tickInterval.isZero()) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "ticker-" + topic);
                t.setDaemon(true);
                return t;
              });
      long ms = tickInterval.toMillis();
      ticker.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** The ledger as of the latest stored block (replaced after a recovery). */
  public Ledger ledger() {
    return live.get();
  }

  public boolean isHealthy() {
    return running && failure == null;
  }

  public String failure() {
    return failure;
  }

  public boolean isCaughtUp() {
    return caughtUp;
  }

  public long processedRecords() {
    return processedRecords;
  }

  private Ledger load() {
    SealedBlock genesisBlock = Ledger.genesisBlock(genesis);
    Optional<StoredBlock> head = store.queries().head();
    if (head.isEmpty()) {
      store.writer().commit(genesisBlock);
      LOG.info("sidechain genesis block {} written", genesisBlock.block().hash());
      return Ledger.atGenesis(genesis, maxTransactions, drops, historyBlocks);
    }
    StoredBlock block0 = store.queries().block(0).orElseThrow();
    if (!block0.hash().equals(genesisBlock.block().hash())) {
      throw new IllegalStateException(
          "the database holds another chain: block 0 is "
              + block0.hash()
              + ", the genesis file gives "
              + genesisBlock.block().hash());
    }
    return Ledger.restore(
        genesis, head.get().header(), store.state(), maxTransactions, drops, historyBlocks);
  }

  private long resumeOffset() {
    return store.queries().head().map(StoredBlock::nextOffset).orElse(0L);
  }

  private void run() {
    while (running) {
      try {
        consume();
      } catch (WakeupException e) {
        // stop() woke the consumer
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        failure = e.getMessage();
        LOG.error("replica failed, restarting from its database: {}", e.toString());
        awaitStop(Duration.ofSeconds(1));
        try {
          live.install(load());
          failure = null;
        } catch (RuntimeException again) {
          failure = again.getMessage();
        }
      } finally {
        closeConsumer();
      }
    }
  }

  private void consume() {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG); // positions live in our database, not in Kafka
    synchronized (this) {
      if (!running) {
        return;
      }
      consumer = new KafkaConsumer<>(props);
    }
    consumer.assign(List.of(partition));
    consumer.seek(partition, resumeOffset());
    while (running) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
      Ledger ledger = live.get();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        long t0 = System.nanoTime();
        Optional<SealedBlock> sealed = ledger.apply(r.offset(), r.timestamp(), r.value());
        if (sealed.isPresent()) {
          long t1 = System.nanoTime();
          store.writer().commit(sealed.get());
          LOG.debug(
              "block {}: {} transactions, cut and sealed in {} ms, stored in {} ms",
              sealed.get().block().number(),
              sealed.get().block().transactions().size(),
              (t1 - t0) / 1_000_000,
              (System.nanoTime() - t1) / 1_000_000);
          ledger.published(sealed.get());
          for (BlockListener l : listeners) {
            l.stored(sealed.get().block());
          }
        }
        processedRecords++;
      }
      OptionalLong lag = consumer.currentLag(partition);
      caughtUp = records.isEmpty() || (lag.isPresent() && lag.getAsLong() == 0);
      if (caughtUp && !records.isEmpty()) {
        tickSoon();
      }
    }
  }

  /**
   * Transactions wait for a block: cut it now if the last tick is a tick interval old, else when it
   * will be. An idle chain thus gives a transaction its block at once, and a busy one at most one
   * tick-cut block per interval (full blocks are cut by size anyway). The periodic tick below stays
   * as the fallback.
   */
  private void tickSoon() {
    Ledger l = live.get();
    if (ticker == null
        || l == null
        || l.pendingCount() == 0
        || !tickScheduled.compareAndSet(false, true)) {
      return;
    }
    long wait = lastTick + tickInterval.toNanos() - System.nanoTime();
    try {
      ticker.schedule(this::scheduledTick, Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      tickScheduled.set(false); // stopping
    }
  }

  private void scheduledTick() {
    tickScheduled.set(false);
    tick();
  }

  private void tick() {
    try {
      Ledger l = live.get();
      if (running && caughtUp && l != null && l.pendingCount() > 0) {
        lastTick = System.nanoTime();
        log.append(LogRecords.tick());
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot append a tick: {}", e.toString());
    }
  }

  private synchronized void closeConsumer() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(1));
      consumer = null;
    }
  }

  private void awaitStop(Duration d) {
    try {
      stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      running = false;
      stopped.countDown();
      if (consumer != null) {
        consumer.wakeup();
      }
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
