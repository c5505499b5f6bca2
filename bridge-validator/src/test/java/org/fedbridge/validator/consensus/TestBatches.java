package org.fedbridge.validator.consensus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.batch.ObservedBatch;

/** What a validator's watchers observed, as the batch feature will answer it. */
final class TestBatches implements Batches {
  private final Map<String, ObservedBatch> observed = new ConcurrentHashMap<>();

  TestBatches observe(ObservedBatch batch) {
    observed.put(batch.type() + ":" + batch.batchId(), batch);
    return this;
  }

  @Override
  public Optional<ObservedBatch> find(MessageType type, UInt256 batchId) {
    return Optional.ofNullable(observed.get(type + ":" + batchId));
  }

  /** A deposit batch in L1 block {@code block} with {@code count} deposits. */
  static ObservedBatch.Deposits deposits(long block, int count) {
    List<Deposit> ds =
        java.util.stream.IntStream.range(0, count)
            .mapToObj(
                i ->
                    new Deposit(
                        UInt256.of(block * 10_000 + i),
                        Address.ZERO,
                        Address.fromHex("0x00000000000000000000000000000000000000a1"),
                        Address.fromHex("0x00000000000000000000000000000000000000b2"),
                        UInt256.of(1_000 + i)))
            .toList();
    return new ObservedBatch.Deposits(UInt256.of(block), Bytes32.ZERO, ds);
  }
}
