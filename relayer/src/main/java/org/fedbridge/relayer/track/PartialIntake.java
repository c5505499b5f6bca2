package org.fedbridge.relayer.track;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.PartialRecord;
import org.fedbridge.core.wire.WireType;
import org.fedbridge.relayer.Leadership;
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
  /** Where the 48-byte compressed partial signature sits in a partial record. */
  private static final int SIGNATURE_AT = 79;

  private final BatchBook batches;
  private final PartialTally tally;
  private final ChainHeads heads;

  PartialIntake(
      RelayerProperties properties,
      ConsumerOffsetRepository offsets,
      TransactionTemplate tx,
      Clock clock,
      Leadership leadership,
      BatchBook batches,
      PartialTally tally,
      ChainHeads heads) {
    super(properties.kafka(), properties.topics().partials(), offsets, tx, clock, leadership);
    this.batches = batches;
    this.tally = tally;
    this.heads = heads;
  }

  @Override
  void handle(ConsumerRecord<byte[], byte[]> record) throws IOException {
    Result<PartialRecord> decoded = PartialRecord.decode(record.value());
    if (!decoded.isOk()) {
      return;
    }
    PartialRecord p = decoded.orThrow();
    Kind kind;
    long head;
    if (p.type() == WireType.DEPOSIT_BATCH) {
      kind = Kind.DEPOSIT;
      head = heads.l1().number();
    } else if (p.type() == WireType.WITHDRAWAL_BATCH) {
      kind = Kind.WITHDRAWAL;
      head = heads.sidechain().number();
    } else {
      return;
    }
    if (head < 0) {
      throw new IOException("chain heads not read yet"); // rolled back, read again shortly
    }
    // SECURITY: only batches that can exist get a row (junk cannot grow the tables).
    if (p.batchId().value().compareTo(BigInteger.valueOf(head + 64)) > 0) {
      return;
    }
    // The relayer knows no member identity keys, so it does not authenticate the publisher; it
    // counts a partial only if the BLS partial itself verifies under the member's share key over
    // the digest the relayer computes (PartialTally), which no one else can produce.
    byte[] point = Arrays.copyOfRange(p.encode(), SIGNATURE_AT, SIGNATURE_AT + 48);
    tally.offer(
        batches.get(kind, p.batchId().value().longValueExact()),
        p.epoch(),
        p.index(),
        p.digest(),
        point);
  }
}
