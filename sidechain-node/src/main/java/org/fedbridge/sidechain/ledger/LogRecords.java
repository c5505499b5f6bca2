package org.fedbridge.sidechain.ledger;

/**
 * The records of the ordered log ({@code sidechain.txs}): a one-byte kind, then the payload.
 *
 * <ul>
 *   <li>{@code 0x01 ‖ raw signed transaction}
 *   <li>{@code 0x02}: a tick (cut a block if anything is pending; the record's log timestamp
 *       becomes the block's)
 *   <li>{@code 0x03 ‖ rlp(deposit certificate)}
 *   <li>{@code 0x04 ‖ rlp(epoch certificate)}
 * </ul>
 *
 * Kafka is untrusted: every replica re-checks every record, and a malformed one is ignored by all
 * of them alike.
 */
public final class LogRecords {
  public static final byte TRANSACTION = 0x01;
  public static final byte TICK = 0x02;
  public static final byte DEPOSIT_CERTIFICATE = 0x03;
  public static final byte EPOCH_CERTIFICATE = 0x04;

  private LogRecords() {}

  public static byte[] transaction(byte[] raw) {
    return prefixed(TRANSACTION, raw);
  }

  public static byte[] tick() {
    return new byte[] {TICK};
  }

  public static byte[] depositCertificate(Certificates.DepositCertificate c) {
    return prefixed(DEPOSIT_CERTIFICATE, c.encode());
  }

  public static byte[] epochCertificate(Certificates.EpochCertificate c) {
    return prefixed(EPOCH_CERTIFICATE, c.encode());
  }

  private static byte[] prefixed(byte kind, byte[] payload) {
    byte[] out = new byte[payload.length + 1];
    out[0] = kind;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }
}
