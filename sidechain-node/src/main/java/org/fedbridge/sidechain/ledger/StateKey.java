package org.fedbridge.sidechain.ledger;

import java.util.Arrays;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

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
  private static final byte TOKEN_CONFIG = 10;
  private static final byte TOKEN_INDEX = 11;
  private static final byte GOVERNANCE_KEY = 12;

  private final byte[] bytes;
  private final int hash;

  private StateKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** A key read back from the store. */
  public static StateKey of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("state key needs 32 bytes");
    }
    return new StateKey(bytes.clone());
  }

  static StateKey account(Address a) {
    return new StateKey(Keccak.hashBytes(new byte[] {ACCOUNT}, a.bytes()));
  }

  static StateKey tokenBalance(Address token, Address holder) {
    return new StateKey(
        Keccak.hashBytes(new byte[] {TOKEN_BALANCE}, token.bytes(), holder.bytes()));
  }

  static StateKey allowance(Address token, Address owner, Address spender) {
    return new StateKey(
        Keccak.hashBytes(new byte[] {ALLOWANCE}, token.bytes(), owner.bytes(), spender.bytes()));
  }

  static StateKey supply(Address token) {
    return new StateKey(Keccak.hashBytes(new byte[] {SUPPLY}, token.bytes()));
  }

  static StateKey depositMinted(UInt256 nonce) {
    return new StateKey(Keccak.hashBytes(new byte[] {DEPOSIT_MINTED}, nonce.toWord()));
  }

  static StateKey withdrawalNonce() {
    return new StateKey(Keccak.hashBytes(new byte[] {WITHDRAWAL_NONCE}));
  }

  static StateKey epoch() {
    return new StateKey(Keccak.hashBytes(new byte[] {EPOCH}));
  }

  static StateKey token(Address token) {
    return new StateKey(Keccak.hashBytes(new byte[] {TOKEN}, token.bytes()));
  }

  static StateKey config() {
    return new StateKey(Keccak.hashBytes(new byte[] {CONFIG}));
  }

  /** The latest certified {@code TokenConfig} applied to an L1 token. */
  static StateKey tokenConfig(Address l1Token) {
    return new StateKey(Keccak.hashBytes(new byte[] {TOKEN_CONFIG}, l1Token.bytes()));
  }

  /** The L1 tokens registered after genesis, in the order they were registered. */
  static StateKey tokenIndex() {
    return new StateKey(Keccak.hashBytes(new byte[] {TOKEN_INDEX}));
  }

  /** The genesis' governance key, when it names one. */
  static StateKey governanceKey() {
    return new StateKey(Keccak.hashBytes(new byte[] {GOVERNANCE_KEY}));
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
