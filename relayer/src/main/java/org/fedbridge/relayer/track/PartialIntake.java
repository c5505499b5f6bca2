package org.fedbridge.relayer.track;

import java.io.IOException;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Result;
import org.fedbridge.relayer.RelayerProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code bridge.partials} to show "signatures k of t" while a batch waits for its
 * certificate. Only partials of deposit and withdrawal batches near the known heads are looked at;
 * {@link PartialTally} decides what counts.
 */
@Component
class PartialIntake extends KafkaIntake {
  private final BatchBook batches;
  private final PartialTally tally;
  private final ChainHeads heads;

  PartialIntake(
      RelayerProperties properties,
      ConsumerOffsetRepository offsets,
      TransactionTemplate tx,
      Clock clock,
      BatchBook batches,
      PartialTally tally,
      ChainHeads heads) {
    super(properties.kafka(), properties.topics().partials(), offsets, tx, clock);
    this.batches = batches;
    this.tally = tally;
    this.heads = heads;
  }

  @Override
  void handle(ConsumerRecord<byte[], byte[]> record) throws IOException {
    Result<WireRecords.Partial> decoded = WireRecords.partial(record.value());
    if (!decoded.isOk()) {
      return;
    }
    WireRecords.Partial p = decoded.orThrow();
    Kind kind;
    long head;
    if (p.type() == MessageType.DEPOSIT_BATCH) {
      kind = Kind.DEPOSIT;
      head = heads.l1().number();
    } else if (p.type() == MessageType.WITHDRAWAL_BATCH) {
      kind = Kind.WITHDRAWAL;
      head = heads.sidechain().number();
    } else {
      return;
    }
    // SECURITY: only batches that can exist get a row (junk cannot grow the tables).
    if (head < 0) {
      throw new IOException("chain heads not read yet"); // rolled back, read again shortly
    }
    if (p.batchId() > head + 64) {
      return;
    }
    tally.offer(batches.get(kind, p.batchId()), p.epoch(), p.index(), p.digest(), p.signature());
  }
}
