package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.Arrays;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;

/**
 * A 32-byte state key: {@code keccak256(tag ‖ fields)}, so that keys spread evenly over the state
 * tree and no two kinds of entry can collide. Immutable; the hash code is cached.
 */
public final class StateKey implements Comparable<StateKey> {
  private static final byte ACCOUNT = 1;
  private static final byte TOKEN_BALANCE = 2;
  private static final byte ALLOWANCE = 3;
  private static final byte SUPPLY = 4;
  private static final byte DEPOSIT_MINTED = 5;
  private static final byte WITHDRAWAL_NONCE = 6;
  private static final byte EPOCH = 7;
  private static final byte TOKEN = 8;
  private static final byte CONFIG = 9;

  private final byte[] bytes;
  private final int hash;

  private StateKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  public static StateKey of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("state key needs 32 bytes");
    }
    return new StateKey(bytes.clone());
  }

  public static StateKey account(Address a) {
    return new StateKey(Keccak256.hash(new byte[] {ACCOUNT}, a.bytes()));
  }

  public static StateKey tokenBalance(Address token, Address holder) {
    return new StateKey(Keccak256.hash(new byte[] {TOKEN_BALANCE}, token.bytes(), holder.bytes()));
  }

  public static StateKey allowance(Address token, Address owner, Address spender) {
    return new StateKey(
        Keccak256.hash(new byte[] {ALLOWANCE}, token.bytes(), owner.bytes(), spender.bytes()));
  }

  public static StateKey supply(Address token) {
    return new StateKey(Keccak256.hash(new byte[] {SUPPLY}, token.bytes()));
  }

  public static StateKey depositMinted(BigInteger nonce) {
    return new StateKey(Keccak256.hash(new byte[] {DEPOSIT_MINTED}, Words.uint(nonce)));
  }

  public static StateKey withdrawalNonce() {
    return new StateKey(Keccak256.hash(new byte[] {WITHDRAWAL_NONCE}));
  }

  public static StateKey epoch() {
    return new StateKey(Keccak256.hash(new byte[] {EPOCH}));
  }

  public static StateKey token(Address token) {
    return new StateKey(Keccak256.hash(new byte[] {TOKEN}, token.bytes()));
  }

  public static StateKey config() {
    return new StateKey(Keccak256.hash(new byte[] {CONFIG}));
  }

  /** The raw bytes; callers must not modify them. */
  byte[] raw() {
    return bytes;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** Bit {@code i} from the most significant end, the path in the state tree. */
  int bit(int i) {
    return (bytes[i >>> 3] >>> (7 - (i & 7))) & 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(StateKey o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
