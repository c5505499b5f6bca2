package org.fedbridge.core.message;

import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/**
 * An L1 deposit as emitted by {@code BridgeVault}. {@code token} is {@link Address#ZERO} for ETH.
 */
public record Deposit(
    UInt256 nonce, Address token, Address sender, Address recipient, UInt256 amount) {

  /**
   * The leaf prefix of deposits (docs/encoding.md): withdrawals use {@code 0x02}, inner nodes
   * {@code 0x01}.
   */
  public static final byte LEAF_PREFIX = 0x00;

  /** {@code keccak256(0x00 ‖ abi.encode(nonce, token, sender, recipient, amount))}. */
  public Bytes32 leaf() {
    byte[] body =
        new AbiEncoder()
            .uint(nonce)
            .address(token)
            .address(sender)
            .address(recipient)
            .uint(amount)
            .toBytes();
    return Keccak.hash(new byte[] {LEAF_PREFIX}, body);
  }
}
