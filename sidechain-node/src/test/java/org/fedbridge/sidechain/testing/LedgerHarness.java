package org.fedbridge.sidechain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.ledger.SealedBlock;

/** A ledger fed by hand: offsets count up, every record is one second after the previous one. */
public final class LedgerHarness {
  private final Ledger ledger;
  private final List<Block> blocks = new ArrayList<>();
  private long offset;
  private long timeMillis = 1_700_000_100_000L;

  public LedgerHarness(Genesis genesis, int maxTransactions) {
    this(genesis, maxTransactions, 0);
  }

  /** A ledger that keeps the state of {@code historyBlocks} blocks before its head readable. */
  public LedgerHarness(Genesis genesis, int maxTransactions, int historyBlocks) {
    blocks.add(Ledger.genesisBlock(genesis).block());
    ledger = Ledger.atGenesis(genesis, maxTransactions, null, historyBlocks);
  }

  public Ledger ledger() {
    return ledger;
  }

  public List<Block> blocks() {
    return blocks;
  }

  public Block last() {
    return blocks.get(blocks.size() - 1);
  }

  /** Appends a record; returns the block it cut, if any. */
  public Optional<Block> apply(byte[] record) {
    timeMillis += 1000;
    Optional<SealedBlock> sealed = ledger.apply(offset++, timeMillis, record);
    sealed.ifPresent(
        s -> {
          ledger.published(s);
          blocks.add(s.block());
        });
    return sealed.map(SealedBlock::block);
  }

  public Optional<Block> tx(byte[] raw) {
    return apply(LogRecords.transaction(raw));
  }

  public Optional<Block> tick() {
    return apply(LogRecords.tick());
  }
}
