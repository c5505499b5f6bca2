package org.fedbridge.sidechain.tx;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/**
 * Decodes raw signed transactions: legacy (with EIP-155 chain id) and EIP-1559 (type 2). Parsing is
 * strict (canonical RLP, 32-byte integers, low-s signatures), so that every replica reads the same
 * bytes the same way; the sender is recovered from the exact signed bytes.
 */
public final class TransactionDecoder {
  /** Largest raw transaction accepted (geth's txMaxSize is 128 KiB). */
  public static final int MAX_SIZE = 128 * 1024;

  private static final long ACCESS_LIST_ADDRESS_GAS = 2400;
  private static final long ACCESS_LIST_KEY_GAS = 1900;

  private final long chainId;

  public TransactionDecoder(long chainId) {
    this.chainId = chainId;
  }

  public Decoded decode(byte[] raw) {
    try {
      return decodeOrThrow(raw);
    } catch (Rlp.RlpException e) {
      return new Decoded.Refused(new TxRejected(TxError.MALFORMED, e.getMessage()));
    } catch (RuntimeException e) {
      // SECURITY: no input may escape as an unexpected exception (a 5xx, or a stalled replica).
      return new Decoded.Refused(TxRejected.of(TxError.MALFORMED, "invalid transaction encoding"));
    }
  }

  private Decoded decodeOrThrow(byte[] raw) throws Rlp.RlpException {
    if (raw == null || raw.length == 0) {
      throw new Rlp.RlpException("empty input");
    }
    if (raw.length > MAX_SIZE) {
      return refused(TxError.OVERSIZED, "transaction size " + raw.length + ", limit " + MAX_SIZE);
    }
    int first = raw[0] & 0xff;
    if (first >= 0xc0) {
      return legacy(raw);
    }
    if (first == 0x02) {
      return eip1559(raw);
    }
    if (first <= 0x7f) {
      return refused(TxError.TYPE_NOT_SUPPORTED, null);
    }
    throw new Rlp.RlpException("expected input list for types.LegacyTx");
  }

  private Decoded legacy(byte[] raw) throws Rlp.RlpException {
    List<Rlp.Item> f = Rlp.decode(raw, 0).list();
    if (f.size() != 9) {
      throw new Rlp.RlpException("legacy transaction needs 9 fields, got " + f.size());
    }
    long nonce = f.get(0).uint64();
    BigInteger gasPrice = f.get(1).uint(32);
    long gas = f.get(2).uint64();
    Address to = address(f.get(3));
    BigInteger value = f.get(4).uint(32);
    byte[] data = f.get(5).string();
    BigInteger v = f.get(6).uint(32);
    BigInteger r = f.get(7).uint(32);
    BigInteger s = f.get(8).uint(32);
    if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
      return refused(TxError.NOT_REPLAY_PROTECTED, null);
    }
    if (v.compareTo(BigInteger.valueOf(35)) < 0) {
      return refused(TxError.INVALID_SIGNATURE_VALUES, null);
    }
    BigInteger txChain = v.subtract(BigInteger.valueOf(35)).shiftRight(1);
    int recId = v.subtract(BigInteger.valueOf(35)).testBit(0) ? 1 : 0;
    if (!txChain.equals(BigInteger.valueOf(chainId))) {
      return refused(TxError.WRONG_CHAIN_ID, "have " + txChain + " want " + chainId);
    }
    if (!SenderRecovery.validValues(r, s)) {
      return refused(TxError.INVALID_SIGNATURE_VALUES, null);
    }
    byte[][] signed = new byte[9][];
    for (int i = 0; i < 6; i++) {
      signed[i] = f.get(i).encoded();
    }
    signed[6] = Rlp.uint(chainId);
    signed[7] = Rlp.uint(0);
    signed[8] = Rlp.uint(0);
    byte[] sigHash = Keccak.hashBytes(Rlp.list(signed));
    Address sender = SenderRecovery.recover(sigHash, r, s, recId);
    if (sender == null) {
      return refused(TxError.INVALID_SENDER, null);
    }
    return new Decoded.Ok(
        new SignedTransaction(
            0,
            chainId,
            nonce,
            new UInt256(gasPrice),
            new UInt256(gasPrice),
            gas,
            to,
            new UInt256(value),
            data,
            0,
            sender,
            Keccak.hash(raw),
            raw,
            v,
            r,
            s));
  }

  private Decoded eip1559(byte[] raw) throws Rlp.RlpException {
    List<Rlp.Item> f = Rlp.decode(raw, 1).list();
    if (f.size() != 12) {
      throw new Rlp.RlpException("EIP-1559 transaction needs 12 fields, got " + f.size());
    }
    BigInteger txChain = f.get(0).uint(32);
    long nonce = f.get(1).uint64();
    BigInteger tip = f.get(2).uint(32);
    BigInteger feeCap = f.get(3).uint(32);
    long gas = f.get(4).uint64();
    Address to = address(f.get(5));
    BigInteger value = f.get(6).uint(32);
    byte[] data = f.get(7).string();
    long accessListCost = accessListCost(f.get(8));
    BigInteger yParity = f.get(9).uint(1);
    BigInteger r = f.get(10).uint(32);
    BigInteger s = f.get(11).uint(32);
    if (!txChain.equals(BigInteger.valueOf(chainId))) {
      return refused(TxError.WRONG_CHAIN_ID, "have " + txChain + " want " + chainId);
    }
    if (yParity.compareTo(BigInteger.ONE) > 0 || !SenderRecovery.validValues(r, s)) {
      return refused(TxError.INVALID_SIGNATURE_VALUES, null);
    }
    if (tip.compareTo(feeCap) > 0) {
      return refused(
          TxError.TIP_ABOVE_FEE_CAP, "maxPriorityFeePerGas: " + tip + ", maxFeePerGas: " + feeCap);
    }
    byte[][] signed = new byte[9][];
    for (int i = 0; i < 9; i++) {
      signed[i] = f.get(i).encoded();
    }
    byte[] sigHash = Keccak.hashBytes(new byte[] {0x02}, Rlp.list(signed));
    Address sender = SenderRecovery.recover(sigHash, r, s, yParity.intValue());
    if (sender == null) {
      return refused(TxError.INVALID_SENDER, null);
    }
    return new Decoded.Ok(
        new SignedTransaction(
            2,
            chainId,
            nonce,
            new UInt256(tip),
            new UInt256(feeCap),
            gas,
            to,
            new UInt256(value),
            data,
            accessListCost,
            sender,
            Keccak.hash(raw),
            raw,
            yParity,
            r,
            s));
  }

  private static long accessListCost(Rlp.Item list) throws Rlp.RlpException {
    long cost = 0;
    for (Rlp.Item entry : list.list()) {
      List<Rlp.Item> pair = entry.list();
      if (pair.size() != 2 || pair.get(0).string().length != 20) {
        throw new Rlp.RlpException("malformed access list entry");
      }
      cost += ACCESS_LIST_ADDRESS_GAS;
      for (Rlp.Item key : pair.get(1).list()) {
        if (key.string().length != 32) {
          throw new Rlp.RlpException("malformed access list storage key");
        }
        cost += ACCESS_LIST_KEY_GAS;
      }
    }
    return cost;
  }

  private static Address address(Rlp.Item item) throws Rlp.RlpException {
    byte[] b = item.string();
    if (b.length == 0) {
      return null;
    }
    if (b.length != 20) {
      throw new Rlp.RlpException("input string too short for common.Address");
    }
    return new Address(b);
  }

  private static Decoded refused(TxError error, String detail) {
    return new Decoded.Refused(TxRejected.of(error, detail));
  }
}
