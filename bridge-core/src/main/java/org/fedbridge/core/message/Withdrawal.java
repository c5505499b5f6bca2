package org.fedbridge.core.message;

import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/**
 * A sidechain withdrawal request. {@code nonce} is unique across all batches (the L1 nullifier);
 * {@code l1Token} is {@link Address#ZERO} for ETH.
 */
public record Withdrawal(
    UInt256 nonce, Address l1Token, Address sender, Address l1Recipient, UInt256 amount) {

  /**
   * The leaf prefix of withdrawals (docs/encoding.md): deposits use {@code 0x00}, inner nodes
   * {@code 0x01}.
   */
  public static final byte LEAF_PREFIX = 0x02;

  /** {@code keccak256(0x02 ‖ abi.encode(nonce, l1Token, sender, l1Recipient, amount))}. */
  public Bytes32 leaf() {
    byte[] body =
        new AbiEncoder()
            .uint(nonce)
            .address(l1Token)
            .address(sender)
            .address(l1Recipient)
            .uint(amount)
            .toBytes();
    // SECURITY: its own prefix, so a deposit leaf can never be presented as a withdrawal leaf
    // (a deposit with the same five words would otherwise hash to the same leaf).
    return Keccak.hash(new byte[] {LEAF_PREFIX}, body);
  }
}
