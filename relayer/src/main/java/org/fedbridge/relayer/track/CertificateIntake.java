package org.fedbridge.relayer.track;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.CertificateBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.relayer.Leadership;
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
      Leadership leadership,
      FederationKeys keys,
      BridgeDomain domain,
      BatchBook batches,
      BatchRepository batchRows,
      ChainHeads heads) {
    super(properties.kafka(), properties.topics().certificates(), offsets, tx, clock, leadership);
    this.keys = keys;
    this.domain = domain;
    this.batches = batches;
    this.batchRows = batchRows;
    this.heads = heads;
    this.clock = clock;
  }

  @Override
  void handle(ConsumerRecord<byte[], byte[]> record) throws IOException {
    Result<CertificateRecord> decoded = CertificateRecord.decode(record.value());
    if (!decoded.isOk()) {
      log.debug("skipping certificate record at offset {}: {}", record.offset(), decoded);
      return;
    }
    CertificateRecord c = decoded.orThrow();
    Kind kind;
    List<Bytes32> leaves;
    if (c.body() instanceof CertificateBody.DepositBody d) {
      kind = Kind.DEPOSIT;
      leaves = d.deposits().stream().map(Deposit::leaf).toList();
    } else if (c.body() instanceof CertificateBody.WithdrawalBody w) {
      kind = Kind.WITHDRAWAL;
      leaves = w.withdrawals().stream().map(Withdrawal::leaf).toList();
    } else {
      return; // epoch changes, token configs: admin-api submits them, not the relayer
    }
    if (c.body().batchId().value().bitLength() > 62) {
      return; // no chain has such a block
    }
    long batchId = c.body().batchId().value().longValueExact();
    long head = kind == Kind.DEPOSIT ? heads.l1().number() : heads.sidechain().number();
    if (head < 0) {
      throw new IOException("chain heads not read yet"); // rolled back, read again shortly
    }
    if (batchId > head + AHEAD) {
      return; // SECURITY: far beyond any block there is: not worth a pairing.
    }
    Bytes32 root = MerkleTree.of(leaves).root();
    Optional<BatchEntity> known = batchRows.findById(new BatchEntity.Key(kind, batchId));
    if (known.isPresent() && known.get().root != null && !known.get().root.equals(root.toHex())) {
      // SECURITY: contradicts the chain the relayer reads; refused before any pairing.
      batches.refused(kind, batchId, "certificate root " + root + " differs from the chain's");
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
          kind, batchId, "certificate of epoch " + c.epoch() + " the vault does not know");
      return;
    }
    // SECURITY: the group signature must verify under the vault's key for that epoch, over the
    // message recomputed from the entries the record carries, under this deployment's domain.
    if (!c.verify(epoch.get().groupKey(), domain.at(c.epoch()))) {
      batches.refused(kind, batchId, "certificate signature does not verify");
      return;
    }
    batches.certified(
        kind,
        batchId,
        c.epoch(),
        root.toHex(),
        leaves.size(),
        c.signature().toCompressed(),
        clock.instant());
  }
}
