package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.tx.Decoded;
import org.fedbridge.sidechain.tx.SignedTransaction;
import org.fedbridge.sidechain.tx.TransactionDecoder;
import org.fedbridge.sidechain.tx.TxRejected;

/**
 * The deterministic state machine of a replica. It reads log records in order and cuts a block
 * after {@code maxTransactions} included transactions, or at a tick record when at least one
 * transaction is pending (a tick with nothing new is a no-op). A block's timestamp is the log
 * timestamp of the record that cut it (never before its parent's), so every replica that reads the
 * same log builds byte-identical blocks. No clock, no randomness, no I/O.
 *
 * <p>Protocol: {@link #apply} may return a sealed block; the caller stores it and then calls {@link
 * #published} before the next {@link #apply}. Everything else may be called from any thread.
 *
 * <p>This class is the package's public face: admission checks transactions and certificates with
 * {@link #checkAdmissible} and {@link #verify}, the same checks {@link #apply} runs again, and
 * JSON-RPC reads through {@link #state}.
 */
public final class Ledger {
  /** Block gas limit reported in headers; a block is cut before it could be exceeded. */
  public static final long BLOCK_GAS_LIMIT = 1_000_000_000L;

  private static final byte[] LEAF = {0x00};

  /**
   * The node's transaction pool as the ledger sees it: told about transactions that the log carried
   * but execution dropped, and able to hand over transactions it already decoded (so a replica does
   * not recover the same sender twice).
   */
  public interface Pool {
    Pool NONE = (tx, reason) -> {};

    void dropped(SignedTransaction tx, TxRejected reason);

    /**
     * A transaction decoded from exactly the bytes with this hash, or {@code null}. The ledger
     * checks the bytes are identical before it uses it.
     */
    default SignedTransaction decoded(Bytes32 hash) {
      return null;
    }
  }

  /** The stored state entries a ledger is restored from. */
  public interface StateSource {
    void forEach(BiConsumer<StateKey, byte[]> entry);

    /**
     * The stored history: for each block after {@code afterBlock}, each key it changed and the
     * value before ({@code null}: absent).
     */
    void forEachPrevious(long afterBlock, PreviousValue entry);
  }

  /** One row of the stored history. */
  public interface PreviousValue {
    void accept(long block, StateKey key, byte[] previous);
  }

  private final Genesis genesis;
  private final WorldState world;
  private final Executor executor;
  private final Certificates certificates;
  private final TokenRegistry tokens;
  private final TokenConfigs tokenConfigs;
  private final TransactionDecoder decoder;
  private final int maxTransactions;
  private final Pool pool;

  private volatile BlockHeader head;
  private Bytes32 headHash;
  private Overlay pending;
  private final List<ExecutedTransaction> txs = new ArrayList<>();
  private final List<Withdrawal> withdrawals = new ArrayList<>();
  private byte[] bloom = new byte[256];
  private long cumulativeGas;
  private volatile int pendingCount;

  private Ledger(
      Genesis genesis, WorldState world, BlockHeader head, int maxTransactions, Pool pool) {
    this.genesis = genesis;
    this.world = world;
    // The registry is the state's: the genesis tokens and those registered since.
    this.tokens = new TokenRegistry(genesis.tokens(), world);
    this.tokenConfigs = new TokenConfigs(genesis, tokens);
    this.executor =
        new Executor(
            genesis.chainId(),
            genesis.gasPrice(),
            tokens,
            new WithdrawalRules(genesis.vault(), genesis.ethMaxWithdrawal()));
    this.certificates =
        new Certificates(genesis.chainId(), genesis.l1ChainId(), genesis.vault(), tokens);
    this.decoder = new TransactionDecoder(genesis.chainId());
    this.maxTransactions = maxTransactions;
    this.pool = pool == null ? Pool.NONE : pool;
    this.head = head;
    this.headHash = head.hash();
    this.pending = new Overlay(world);
  }

  /** A ledger at block 0 of {@code genesis} (the caller stores {@link #genesisBlock} first). */
  public static Ledger atGenesis(Genesis genesis, int maxTransactions, Pool pool) {
    return atGenesis(genesis, maxTransactions, pool, 0);
  }

  /**
   * A ledger at block 0 that keeps the state of the {@code historyBlocks} blocks before its head
   * readable.
   */
  public static Ledger atGenesis(
      Genesis genesis, int maxTransactions, Pool pool, int historyBlocks) {
    SealedBlock g = genesisBlock(genesis);
    WorldState world = new WorldState(historyBlocks);
    world.publish(0, g.stateChanges(), Map.of());
    world.applyToTree(g.stateChanges());
    return new Ledger(genesis, world, g.block().header(), maxTransactions, pool);
  }

  /**
   * A ledger at the stored block {@code head}, with the state entries stored with it; refuses a
   * state that is not the one {@code head} commits to.
   */
  public static Ledger restore(
      Genesis genesis,
      BlockHeader head,
      StateSource stored,
      int maxTransactions,
      Pool pool,
      int historyBlocks) {
    WorldState world = new WorldState(historyBlocks);
    stored.forEach(world::load);
    Map<Long, Map<StateKey, byte[]>> diffs = new java.util.HashMap<>();
    if (historyBlocks > 0) {
      stored.forEachPrevious(
          head.number() - historyBlocks,
          (block, key, previous) ->
              diffs.computeIfAbsent(block, b -> new java.util.HashMap<>()).put(key, previous));
    }
    world.loadHistory(head.number(), diffs);
    // SECURITY: the stored state must be the state the stored head commits to.
    if (!new Bytes32(world.root()).equals(head.stateRoot())) {
      throw new IllegalStateException("stored state does not match block " + head.number());
    }
    return new Ledger(genesis, world, head, maxTransactions, pool);
  }

  /** Block 0: the genesis state (alloc, epoch 0, tokens, gas price) in an empty world. */
  public static SealedBlock genesisBlock(Genesis g) {
    return GenesisBlock.of(g);
  }

  /** The latest block this ledger has published. */
  public BlockHeader head() {
    return head;
  }

  public Genesis genesis() {
    return genesis;
  }

  public TransactionDecoder decoder() {
    return decoder;
  }

  /** The fixed base fee (the genesis gas price). */
  public UInt256 baseFee() {
    return executor.baseFee();
  }

  /** The root of the published state (equals {@code head().stateRoot()} between blocks). */
  public Bytes32 stateRoot() {
    return new Bytes32(world.root());
  }

  /** The published state of the latest block (always the newest, as blocks are published). */
  public StateReader state() {
    return new StateReader(world, executor, tokens);
  }

  /**
   * The state as of block {@code number}, if it is still in the history window; it stays that
   * block's state while later blocks are published (a read after it left the window throws {@link
   * HistoricalStateUnavailable}).
   */
  public Optional<StateReader> stateAt(long number) {
    if (number < world.oldestReadable()) {
      return Optional.empty();
    }
    return Optional.of(new StateReader(world.at(number), executor, tokens));
  }

  /** The oldest block whose state {@link #stateAt} still answers. */
  public long oldestReadableBlock() {
    return world.oldestReadable();
  }

  /** How many blocks before the head stay readable. */
  public int historyBlocks() {
    return world.historyBlocks();
  }

  /** Transactions executed but not yet in a block (read from any thread). */
  public int pendingCount() {
    return pendingCount;
  }

  /** The intrinsic gas of a call with this data (no access list): part of every gas estimate. */
  public static long intrinsicGas(byte[] data) {
    return Executor.intrinsicGas(data);
  }

  /**
   * Whether {@code tx} would execute on the latest state once the sender's earlier nonces have (a
   * nonce ahead of the state's is not refused here: admission orders those).
   */
  public Validity checkAdmissible(SignedTransaction tx) {
    return executor.checkAdmissible(tx, State.readOnly(world));
  }

  /** What {@code c} is worth against the latest state. */
  public MintVerdict verify(DepositCertificate c) {
    return certificates.verify(c, State.readOnly(world));
  }

  /** What {@code c} is worth against the latest state. */
  public EpochChangeVerdict verify(EpochCertificate c) {
    return certificates.verify(c, State.readOnly(world));
  }

  /** What {@code c} is worth against the latest state. */
  public TokenConfigVerdict verify(TokenConfigCertificate c) {
    return tokenConfigs.verify(c, State.readOnly(world));
  }

  /** Applies one log record; returns the block it cut, if any. */
  public Optional<SealedBlock> apply(long offset, long timestampMillis, byte[] bytes) {
    LogRecord record = LogRecords.read(bytes);
    if (record instanceof LogRecord.Tick) {
      return txs.isEmpty() ? Optional.empty() : Optional.of(seal(offset, timestampMillis));
    }
    boolean included;
    if (record instanceof LogRecord.Transaction t) {
      included = applyTransaction(t.raw());
    } else if (record instanceof LogRecord.Deposits d) {
      included = applyDeposits(d.certificate(), bytes);
    } else if (record instanceof LogRecord.EpochHandOver e) {
      included = applyEpochChange(e.certificate(), bytes);
    } else if (record instanceof LogRecord.TokenConfiguration t) {
      included = applyTokenConfig(t.certificate(), bytes);
    } else {
      included = false; // unreadable records are ignored by every replica alike
    }
    boolean full =
        txs.size() >= maxTransactions || cumulativeGas > BLOCK_GAS_LIMIT - Executor.MAX_TX_GAS;
    return included && full ? Optional.of(seal(offset, timestampMillis)) : Optional.empty();
  }

  private boolean applyTransaction(byte[] raw) {
    SignedTransaction tx = pool.decoded(Keccak.hash(raw));
    // Decoding is a pure function of the bytes, so a transaction this node decoded from the same
    // bytes at admission is the one every other replica decodes here.
    if (tx == null || !java.util.Arrays.equals(tx.raw(), raw)) {
      Decoded decoded = decoder.decode(raw);
      if (!(decoded instanceof Decoded.Ok ok)) {
        return false;
      }
      tx = ok.tx();
    }
    Executor.Outcome outcome = executor.execute(tx, pending);
    if (outcome instanceof Executor.Outcome.Dropped dropped) {
      pool.dropped(tx, dropped.reason());
      return false;
    }
    Executor.Outcome.Included inc = (Executor.Outcome.Included) outcome;
    include(BlockTransaction.of(tx), inc.success(), inc.gasUsed(), inc.logs(), inc.withdrawals());
    return true;
  }

  private boolean applyDeposits(DepositCertificate c, byte[] record) {
    Overlay o = new Overlay(pending);
    State st = new State(o);
    if (!(certificates.verify(c, st) instanceof MintVerdict.Mintable mintable)) {
      return false; // refused, or a repeat: a deterministic no-op
    }
    List<LogEntry> logs = certificates.mint(mintable.mint(), st);
    o.commitTo(pending);
    include(systemTx(record), true, 0, logs, List.of());
    return true;
  }

  private boolean applyEpochChange(EpochCertificate c, byte[] record) {
    State st = new State(pending);
    if (!(certificates.verify(c, st) instanceof EpochChangeVerdict.Applicable applicable)) {
      return false;
    }
    include(
        systemTx(record), true, 0, certificates.changeEpoch(applicable.change(), st), List.of());
    return true;
  }

  private boolean applyTokenConfig(TokenConfigCertificate c, byte[] record) {
    Overlay o = new Overlay(pending);
    State st = new State(o);
    if (!(tokenConfigs.verify(c, st) instanceof TokenConfigVerdict.Applicable applicable)) {
      return false; // refused, stale or a repeat: a deterministic no-op
    }
    List<LogEntry> logs = tokenConfigs.apply(applicable.config(), st);
    o.commitTo(pending);
    include(systemTx(record), true, 0, logs, List.of());
    return true;
  }

  private BlockTransaction systemTx(byte[] record) {
    return BlockTransaction.system(Keccak.hash(record), record, genesis.chainId());
  }

  private void include(
      BlockTransaction tx,
      boolean success,
      long gasUsed,
      List<LogEntry> logs,
      List<Withdrawal> ws) {
    cumulativeGas += gasUsed;
    byte[] txBloom = new byte[256];
    for (LogEntry l : logs) {
      Bloom.add(txBloom, l);
    }
    Bloom.or(bloom, txBloom);
    Receipt receipt =
        new Receipt(success, gasUsed, cumulativeGas, executor.baseFee(), logs, txBloom);
    txs.add(new ExecutedTransaction(tx, txs.size(), receipt));
    withdrawals.addAll(ws);
    pendingCount = txs.size();
  }

  private SealedBlock seal(long offset, long timestampMillis) {
    Map<StateKey, byte[]> changes = pending.changes();
    Bytes32 stateRoot = new Bytes32(world.applyToTree(changes));
    List<Bytes32> txLeaves = new ArrayList<>(txs.size());
    List<Bytes32> receiptLeaves = new ArrayList<>(txs.size());
    for (ExecutedTransaction e : txs) {
      Bytes32 hash = e.tx().hash();
      txLeaves.add(Keccak.hash(LEAF, hash.bytes()));
      receiptLeaves.add(Keccak.hash(LEAF, e.receipt().encode(hash)));
    }
    Bytes32 withdrawalRoot =
        withdrawals.isEmpty()
            ? Bytes32.ZERO
            : MerkleTree.of(withdrawals.stream().map(Withdrawal::leaf).toList()).root();
    long timestamp = Math.max(head.timestamp(), Math.floorDiv(timestampMillis, 1000));
    BlockHeader header =
        new BlockHeader(
            genesis.chainId(),
            head.number() + 1,
            headHash,
            timestamp,
            MerkleTree.of(txLeaves).root(),
            MerkleTree.of(receiptLeaves).root(),
            stateRoot,
            withdrawalRoot,
            withdrawals.size(),
            cumulativeGas,
            BLOCK_GAS_LIMIT,
            executor.baseFee(),
            bloom,
            txs.size());
    Block block = new Block(header, header.hash(), txs, withdrawals);
    return new SealedBlock(block, changes, world.previousValues(changes), offset + 1);
  }

  /** The caller stored {@code sealed}: publish its state and start the next block. */
  public void published(SealedBlock sealed) {
    world.publish(sealed.block().number(), sealed.stateChanges(), sealed.previousValues());
    head = sealed.block().header();
    headHash = sealed.block().hash();
    pending = new Overlay(world);
    txs.clear();
    withdrawals.clear();
    bloom = new byte[256];
    cumulativeGas = 0;
    pendingCount = 0;
  }
}
