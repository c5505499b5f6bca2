package org.fedbridge.relayer.track;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.chain.BridgeDomain;
import org.fedbridge.relayer.chain.VaultClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code bridge.certificates}. A certificate counts only after the relayer recomputed the
 * batch's Merkle root from the entries it carries, built the digest under its own domain, and
 * verified the group signature under that epoch's key as the vault stores it: Kafka is untrusted
 * and no gas is spent on anything else. Refusals are recorded on the batch for operators; a
 * malformed record is skipped (its offset still advances, so it cannot stall the relayer).
 */
@Component
class CertificateIntake extends KafkaIntake {
  private static final Logger log = LoggerFactory.getLogger(CertificateIntake.class);

  /** How far ahead of the known heads a batch id may be before it is not worth a pairing. */
  static final long AHEAD = 10_000;

  private final FederationKeys keys;
  private final BridgeDomain domain;
  private final BatchBook batches;
  private final BatchRepository batchRows;
  private final ChainHeads heads;
  private final Clock clock;

  CertificateIntake(
      RelayerProperties properties,
      ConsumerOffsetRepository offsets,
      TransactionTemplate tx,
      Clock clock,
      FederationKeys keys,
      BridgeDomain domain,
      BatchBook batches,
      BatchRepository batchRows,
      ChainHeads heads) {
    super(properties.kafka(), properties.topics().certificates(), offsets, tx, clock);
    this.keys = keys;
    this.domain = domain;
    this.batches = batches;
    this.batchRows = batchRows;
    this.heads = heads;
    this.clock = clock;
  }

  @Override
  void handle(ConsumerRecord<byte[], byte[]> record) throws IOException {
    Result<WireRecords.Certificate> decoded = WireRecords.certificate(record.value());
    if (!decoded.isOk()) {
      log.debug("skipping certificate record at offset {}: {}", record.offset(), decoded);
      return;
    }
    WireRecords.Certificate c = decoded.orThrow();
    Kind kind = c.type() == MessageType.DEPOSIT_BATCH ? Kind.DEPOSIT : Kind.WITHDRAWAL;
    long head = kind == Kind.DEPOSIT ? heads.l1().number() : heads.sidechain().number();
    if (head < 0) {
      throw new IOException("chain heads not read yet"); // rolled back, read again shortly
    }
    if (c.batchId() > head + AHEAD) {
      return; // SECURITY: far beyond any block there is: not worth a pairing.
    }
    List<Bytes32> leaves =
        kind == Kind.DEPOSIT
            ? c.deposits().stream().map(Deposit::leaf).toList()
            : c.withdrawals().stream().map(Withdrawal::leaf).toList();
    Bytes32 root = MerkleTree.of(leaves).root();
    Optional<BatchEntity> known = batchRows.findById(new BatchEntity.Key(kind, c.batchId()));
    if (known.isPresent() && known.get().root != null && !known.get().root.equals(root.toHex())) {
      // SECURITY: contradicts the chain the relayer reads; refused before any pairing.
      batches.refused(kind, c.batchId(), "certificate root " + root + " differs from the chain's");
      return;
    }
    if (known.isPresent()
        && known.get().certified()
        && root.toHex().equals(known.get().certRoot)
        && known.get().certEpoch >= c.epoch()) {
      return; // already have it (Kafka redelivers; the topic is compacted, not deduplicated)
    }
    Optional<VaultClient.EpochKey> epoch = keys.epoch(c.epoch());
    if (epoch.isEmpty()) {
      batches.refused(
          kind, c.batchId(), "certificate of epoch " + c.epoch() + " the vault does not know");
      return;
    }
    Result<Signature> signature = Signature.fromCompressed(c.signature());
    UInt256 id = UInt256.of(c.batchId());
    UInt256 count = UInt256.of(leaves.size());
    SignedMessage message =
        kind == Kind.DEPOSIT
            ? new DepositBatch(id, root, count)
            : new WithdrawalBatch(id, root, count);
    Bytes32 digest = message.digest(domain.at(c.epoch()));
    // SECURITY: the group signature must verify under the vault's key for that epoch, over the
    // digest of the entries the record carries, under this deployment's domain.
    if (!signature.isOk() || !Bls.verify(epoch.get().groupKey(), digest, signature.orThrow())) {
      batches.refused(kind, c.batchId(), "certificate signature does not verify");
      return;
    }
    batches.certified(
        kind, c.batchId(), c.epoch(), root.toHex(), leaves.size(), c.signature(), clock.instant());
  }
}
