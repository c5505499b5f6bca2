package org.fedbridge.sidechain.ledger;

import java.util.Arrays;
import org.fedbridge.core.types.Hex;

/**
 * One record of the ordered log as a replica reads it ({@link LogRecords#read}). Kafka is
 * untrusted: a record that cannot be read is {@link Unreadable}, and every replica ignores it
 * alike.
 */
public sealed interface LogRecord {
  /** A raw signed transaction (decoded and checked at execution). */
  record Transaction(byte[] raw) implements LogRecord {
    public Transaction {
      raw = raw.clone();
    }

    @Override
    public byte[] raw() {
      return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Transaction t && Arrays.equals(raw, t.raw);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
      return "Transaction[" + Hex.encode(raw) + "]";
    }
  }

  /** Cut a block if anything is pending. */
  record Tick() implements LogRecord {}

  record Deposits(DepositCertificate certificate) implements LogRecord {}

  record EpochHandOver(EpochCertificate certificate) implements LogRecord {}

  record TokenConfiguration(TokenConfigCertificate certificate) implements LogRecord {}

  /** Empty, of an unknown kind, or malformed. */
  record Unreadable(String why) implements LogRecord {}
}
