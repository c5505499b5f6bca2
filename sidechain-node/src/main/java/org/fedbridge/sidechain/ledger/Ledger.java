package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.tx.Decoded;
import org.fedbridge.sidechain.tx.Rlp;
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
 * #published} before the next {@link #apply}.
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
    void dropped(SignedTransaction tx, TxRejected reason);

    /**
     * A transaction decoded from exactly the bytes with this hash, or {@code null}. The ledger
     * checks the bytes are identical before it uses it.
     */
    default SignedTransaction decoded(byte[] hash) {
      return null;
    }
  }

  private final Genesis genesis;
  private final WorldState world;
  private final Executor executor;
  private final Certificates certificates;
  private final TransactionDecoder decoder;
  private final int maxTransactions;
  private final Pool drops;

  private BlockHeader head;
  private byte[] headHash;
  private Overlay pending;
  private final List<ExecutedTransaction> txs = new ArrayList<>();
  private final List<Withdrawal> withdrawals = new ArrayList<>();
  private byte[] bloom = new byte[256];
  private long cumulativeGas;
  private volatile int pendingCount;

  public Ledger(
      Genesis genesis, WorldState world, BlockHeader head, int maxTransactions, Pool drops) {
    this.genesis = genesis;
    this.world = world;
    TokenRegistry tokens = new TokenRegistry(genesis.tokens());
    this.executor = new Executor(genesis.chainId(), genesis.gasPrice(), tokens);
    this.certificates =
        new Certificates(genesis.chainId(), genesis.l1ChainId(), genesis.vault(), tokens);
    this.decoder = new TransactionDecoder(genesis.chainId());
    this.maxTransactions = maxTransactions;
    this.drops = drops == null ? (tx, reason) -> {} : drops;
    this.head = head;
    this.headHash = head.hash();
    this.pending = new Overlay(world);
  }

  /** Block 0: the genesis state (alloc, epoch 0, tokens, gas price) in an empty world. */
  public static SealedBlock genesisBlock(Genesis g, WorldState emptyWorld) {
    Overlay o = new Overlay(emptyWorld);
    State st = new State(o);
    for (Map.Entry<String, BigInteger> e : g.alloc().entrySet()) {
      st.setAccount(Address.fromHex(e.getKey()), new State.Account(0, e.getValue()));
    }
    st.setEpoch(g.epoch());
    for (Token t : g.tokens()) {
      st.put(
          StateKey.token(t.address()),
          Rlp.list(
              Rlp.string(t.l1Token().bytes()),
              Rlp.string(t.symbol().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              Rlp.string(t.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              Rlp.uint(t.decimals())));
    }
    st.put(
        StateKey.config(),
        Rlp.list(
            Rlp.uint(g.chainId()),
            Rlp.uint(g.l1ChainId()),
            Rlp.string(g.vault().bytes()),
            Rlp.uint(g.gasPrice())));
    Map<StateKey, byte[]> changes = o.changes();
    byte[] stateRoot = emptyWorld.applyToTree(changes);
    BlockHeader header =
        new BlockHeader(
            g.chainId(),
            0,
            new byte[32],
            g.timestamp(),
            new byte[32],
            new byte[32],
            stateRoot,
            new byte[32],
            0,
            0,
            BLOCK_GAS_LIMIT,
            g.gasPrice(),
            new byte[256],
            0);
    return new SealedBlock(new Block(header, header.hash(), List.of(), List.of()), changes, 0);
  }

  public BlockHeader head() {
    return head;
  }

  public Executor executor() {
    return executor;
  }

  public Certificates certificates() {
    return certificates;
  }

  public TransactionDecoder decoder() {
    return decoder;
  }

  public WorldState world() {
    return world;
  }

  public Genesis genesis() {
    return genesis;
  }

  /** Transactions executed but not yet in a block (read from any thread). */
  public int pendingCount() {
    return pendingCount;
  }

  /** Applies one log record; returns the block it cut, if any. */
  public Optional<SealedBlock> apply(long offset, long timestampMillis, byte[] record) {
    if (record == null || record.length == 0) {
      return Optional.empty();
    }
    switch (record[0]) {
      case LogRecords.TRANSACTION -> {
        if (applyTransaction(record)
            && (txs.size() >= maxTransactions
                || cumulativeGas > BLOCK_GAS_LIMIT - Executor.MAX_TX_GAS)) {
          return Optional.of(seal(offset, timestampMillis));
        }
      }
      case LogRecords.TICK -> {
        if (!txs.isEmpty()) {
          return Optional.of(seal(offset, timestampMillis));
        }
      }
      case LogRecords.DEPOSIT_CERTIFICATE -> {
        if (applyDepositCertificate(record) && txs.size() >= maxTransactions) {
          return Optional.of(seal(offset, timestampMillis));
        }
      }
      case LogRecords.EPOCH_CERTIFICATE -> {
        if (applyEpochCertificate(record) && txs.size() >= maxTransactions) {
          return Optional.of(seal(offset, timestampMillis));
        }
      }
      default -> {
        // unknown kinds are ignored by every replica alike
      }
    }
    return Optional.empty();
  }

  private boolean applyTransaction(byte[] record) {
    byte[] raw = Arrays.copyOfRange(record, 1, record.length);
    SignedTransaction tx = drops.decoded(Keccak256.hash(raw));
    // Decoding is a pure function of the bytes, so a transaction this node decoded from the same
    // bytes at admission is the one every other replica decodes here.
    if (tx == null || !Arrays.equals(tx.raw(), raw)) {
      Decoded decoded = decoder.decode(raw);
      if (!(decoded instanceof Decoded.Ok ok)) {
        return false;
      }
      tx = ok.tx();
    }
    Executor.Outcome outcome = executor.execute(tx, pending);
    if (outcome instanceof Executor.Outcome.Dropped dropped) {
      drops.dropped(tx, dropped.reason());
      return false;
    }
    Executor.Outcome.Included inc = (Executor.Outcome.Included) outcome;
    include(BlockTransaction.of(tx), inc.success(), inc.gasUsed(), inc.logs(), inc.withdrawals());
    return true;
  }

  private boolean applyDepositCertificate(byte[] record) {
    Certificates.DepositCertificate c;
    try {
      c = Certificates.DepositCertificate.decode(record, 1);
    } catch (Rlp.RlpException | RuntimeException e) {
      return false;
    }
    Overlay o = new Overlay(pending);
    State st = new State(o);
    if (certificates.checkDeposit(c, st) != null || certificates.mintOverflows(c, st)) {
      return false;
    }
    List<LogEntry> logs = certificates.mint(c, st);
    o.commitTo(pending);
    include(systemTx(record), true, 0, logs, List.of());
    return true;
  }

  private boolean applyEpochCertificate(byte[] record) {
    Certificates.EpochCertificate c;
    try {
      c = Certificates.EpochCertificate.decode(record, 1);
    } catch (Rlp.RlpException | RuntimeException e) {
      return false;
    }
    State st = new State(pending);
    if (certificates.checkEpochChange(c, st) != null) {
      return false;
    }
    include(systemTx(record), true, 0, certificates.changeEpoch(c, st), List.of());
    return true;
  }

  private BlockTransaction systemTx(byte[] record) {
    return BlockTransaction.system(Keccak256.hash(record), record, genesis.chainId());
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
    byte[] stateRoot = world.applyToTree(changes);
    List<Bytes32> txLeaves = new ArrayList<>(txs.size());
    List<Bytes32> receiptLeaves = new ArrayList<>(txs.size());
    for (ExecutedTransaction e : txs) {
      txLeaves.add(new Bytes32(Keccak256.hash(LEAF, e.tx().hash())));
      receiptLeaves.add(new Bytes32(Keccak256.hash(LEAF, e.receipt().encode(e.tx().hash()))));
    }
    byte[] withdrawalRoot =
        withdrawals.isEmpty()
            ? new byte[32]
            : MerkleTree.of(withdrawals.stream().map(Withdrawal::leaf).toList()).root().bytes();
    long timestamp = Math.max(head.timestamp(), Math.floorDiv(timestampMillis, 1000));
    BlockHeader header =
        new BlockHeader(
            genesis.chainId(),
            head.number() + 1,
            headHash,
            timestamp,
            MerkleTree.of(txLeaves).root().bytes(),
            MerkleTree.of(receiptLeaves).root().bytes(),
            stateRoot,
            withdrawalRoot,
            withdrawals.size(),
            cumulativeGas,
            BLOCK_GAS_LIMIT,
            executor.baseFee(),
            bloom,
            txs.size());
    Block block = new Block(header, header.hash(), txs, withdrawals);
    return new SealedBlock(block, changes, offset + 1);
  }

  /** The caller stored {@code sealed}: publish its state and start the next block. */
  public void published(SealedBlock sealed) {
    world.publish(sealed.stateChanges());
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
