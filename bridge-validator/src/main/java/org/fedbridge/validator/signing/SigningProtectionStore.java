package org.fedbridge.validator.signing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing protection table in PostgreSQL. The primary key (message type, batch id, epoch)
 * decides between concurrent writers; a trigger refuses deletes and digest changes (V3_2).
 */
final class SigningProtectionStore implements SignedPartials {
  private static final String COLUMNS =
      "message_type, batch_id, epoch, digest, member_index, partial, origin, recorded_at, sequence";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  SigningProtectionStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** A record to write: from signing here, or from an interchange file. */
  record Entry(
      MessageType type,
      UInt256 batchId,
      long epoch,
      Bytes32 digest,
      Optional<PartialSignature> partial) {}

  /**
   * What a write found: the record now stored for the key, and whether this call stored the partial
   * (a new record, or the partial added to an imported one).
   */
  record Stored(ProtectionRecord record, boolean created) {}

  @Override
  public Optional<ProtectionRecord> find(MessageType type, UInt256 batchId, long epoch) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM signing_protection"
                + " WHERE message_type = ? AND batch_id = ? AND epoch = ?",
            SigningProtectionStore::read,
            type.name(),
            new BigDecimal(batchId.value()),
            epoch)
        .stream()
        .findFirst();
  }

  @Override
  public List<ProtectionRecord> after(long afterSequence, int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM signing_protection"
            + " WHERE sequence > ? AND partial IS NOT NULL ORDER BY sequence LIMIT ?",
        SigningProtectionStore::read,
        afterSequence,
        limit);
  }

  /** Every record, oldest first (for export). */
  List<ProtectionRecord> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM signing_protection ORDER BY sequence",
        SigningProtectionStore::read);
  }

  /**
   * Records a partial signed here, committed before it returns. If the key exists, nothing is
   * overwritten: the stored record is returned (with its partial filled in when an imported record
   * had none and the digest is the same), and the caller compares digests.
   */
  Stored recordSigned(Entry entry, Instant now) {
    return tx.execute(
        status -> {
          if (insert(entry, "signed", now)) {
            return new Stored(
                find(entry.type(), entry.batchId(), entry.epoch()).orElseThrow(), true);
          }
          ProtectionRecord existing =
              find(entry.type(), entry.batchId(), entry.epoch()).orElseThrow();
          boolean filled = false;
          if (existing.partial().isEmpty()
              && existing.digest().equals(entry.digest())
              && entry.partial().isPresent()) {
            PartialSignature p = entry.partial().get();
            jdbc.update(
                "UPDATE signing_protection SET member_index = ?, partial = ?"
                    + " WHERE message_type = ? AND batch_id = ? AND epoch = ? AND partial IS NULL",
                p.index(),
                p.signature().toCompressed(),
                entry.type().name(),
                new BigDecimal(entry.batchId().value()),
                entry.epoch());
            existing = find(entry.type(), entry.batchId(), entry.epoch()).orElseThrow();
            filled = existing.partial().isPresent();
          }
          return new Stored(existing, filled);
        });
  }

  /**
   * Merges imported records in one transaction: new keys are added, identical ones kept, and if any
   * key already holds a different digest nothing at all is written.
   *
   * @return the conflicting records found (empty when the import was applied)
   */
  ImportOutcome importAll(List<Entry> entries, Instant now) {
    return tx.execute(
        status -> {
          int added = 0;
          List<String> conflicts = new ArrayList<>();
          for (Entry e : entries) {
            if (insert(e, "imported", now)) {
              added++;
              continue;
            }
            ProtectionRecord existing = find(e.type(), e.batchId(), e.epoch()).orElseThrow();
            if (!existing.digest().equals(e.digest())) {
              conflicts.add(
                  e.type()
                      + " batch "
                      + e.batchId()
                      + " epoch "
                      + e.epoch()
                      + ": stored "
                      + existing.digest().toHex()
                      + ", file "
                      + e.digest().toHex());
            }
          }
          if (!conflicts.isEmpty()) {
            // SECURITY: an import never loosens or rewrites protection: all or nothing.
            status.setRollbackOnly();
            return new ImportOutcome(0, entries.size(), conflicts);
          }
          return new ImportOutcome(added, entries.size() - added, List.of());
        });
  }

  /** Result of an import. */
  record ImportOutcome(int added, int alreadyPresent, List<String> conflicts) {}

  private boolean insert(Entry e, String origin, Instant now) {
    return jdbc.update(
            "INSERT INTO signing_protection (message_type, batch_id, epoch, digest, member_index,"
                + " partial, origin, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (message_type, batch_id, epoch) DO NOTHING",
            e.type().name(),
            new BigDecimal(e.batchId().value()),
            e.epoch(),
            e.digest().bytes(),
            e.partial().map(PartialSignature::index).orElse(null),
            e.partial().map(p -> p.signature().toCompressed()).orElse(null),
            origin,
            OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        == 1;
  }

  private static ProtectionRecord read(ResultSet rs, int row) throws SQLException {
    byte[] partial = rs.getBytes("partial");
    Optional<PartialSignature> p = Optional.empty();
    if (partial != null) {
      // Stored by this process after signing; a value that no longer decodes is corruption.
      Signature sig = Signature.fromCompressed(partial).orThrow();
      p = Optional.of(new PartialSignature(rs.getInt("member_index"), sig));
    }
    return new ProtectionRecord(
        MessageType.valueOf(rs.getString("message_type")),
        new UInt256(rs.getBigDecimal("batch_id").toBigIntegerExact()),
        rs.getLong("epoch"),
        new Bytes32(rs.getBytes("digest")),
        p,
        "imported".equals(rs.getString("origin")),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getLong("sequence"));
  }
}
