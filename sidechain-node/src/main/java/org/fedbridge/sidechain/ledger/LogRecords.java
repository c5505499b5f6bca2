package org.fedbridge.sidechain.ledger;

import java.util.Arrays;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * The records of the ordered log ({@code sidechain.txs}): a one-byte kind, then the payload.
 *
 * <ul>
 *   <li>{@code 0x01 ‖ raw signed transaction}
 *   <li>{@code 0x02}: a tick (cut a block if anything is pending; the record's log timestamp
 *       becomes the block's)
 *   <li>{@code 0x03 ‖ rlp(deposit certificate)}
 *   <li>{@code 0x04 ‖ rlp(epoch certificate)}
 *   <li>{@code 0x05 ‖ rlp([TOKEN_CONFIG certificate record, governance record or empty])}
 * </ul>
 *
 * Kafka is untrusted: every replica re-checks every record, and a malformed one is ignored by all
 * of them alike.
 */
public final class LogRecords {
  static final byte TRANSACTION = 0x01;
  static final byte TICK = 0x02;
  static final byte DEPOSIT_CERTIFICATE = 0x03;
  static final byte EPOCH_CERTIFICATE = 0x04;
  static final byte TOKEN_CONFIG_CERTIFICATE = 0x05;

  private LogRecords() {}

  public static byte[] transaction(byte[] raw) {
    return prefixed(TRANSACTION, raw);
  }

  public static byte[] tick() {
    return new byte[] {TICK};
  }

  public static byte[] depositCertificate(DepositCertificate c) {
    return prefixed(DEPOSIT_CERTIFICATE, c.encode());
  }

  public static byte[] epochCertificate(EpochCertificate c) {
    return prefixed(EPOCH_CERTIFICATE, c.encode());
  }

  public static byte[] tokenConfigCertificate(TokenConfigCertificate c) {
    return prefixed(TOKEN_CONFIG_CERTIFICATE, c.encode());
  }

  /** Reads a record; never throws (whatever bytes Kafka hands over). */
  public static LogRecord read(byte[] record) {
    if (record == null || record.length == 0) {
      return new LogRecord.Unreadable("empty record");
    }
    try {
      return switch (record[0]) {
        case TRANSACTION -> new LogRecord.Transaction(Arrays.copyOfRange(record, 1, record.length));
        case TICK -> new LogRecord.Tick();
        case DEPOSIT_CERTIFICATE -> new LogRecord.Deposits(CertificateCodec.deposits(record, 1));
        case EPOCH_CERTIFICATE ->
            new LogRecord.EpochHandOver(CertificateCodec.epochChange(record, 1));
        case TOKEN_CONFIG_CERTIFICATE ->
            new LogRecord.TokenConfiguration(TokenConfigCertificate.decode(record, 1));
        default -> new LogRecord.Unreadable("unknown record kind " + record[0]);
      };
    } catch (Rlp.RlpException | RuntimeException e) {
      return new LogRecord.Unreadable(String.valueOf(e.getMessage()));
    }
  }

  private static byte[] prefixed(byte kind, byte[] payload) {
    byte[] out = new byte[payload.length + 1];
    out[0] = kind;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }
}
