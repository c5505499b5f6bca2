package org.fedbridge.core.message;

import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;

/**
 * Revokes a posted withdrawal root: {@code keccak256(abi.encode(TYPE, domain…, root))}. The vault
 * accepts it only from an epoch later than the root's (a federation whose key may have been stolen
 * cannot revoke the honest roots of its own epoch), at any time before the root is claimed.
 *
 * @param root the withdrawal root to revoke (never zero)
 */
public record RootRevocation(Bytes32 root) implements SignedMessage {

  public RootRevocation {
    if (root == null || root.equals(Bytes32.ZERO)) {
      throw new IllegalArgumentException("root must be a non-zero posted root");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.ROOT_REVOCATION;
  }

  @Override
  public Bytes32 digest(Domain domain) {
    return Keccak.hash(domain.encoder(type()).bytes32(root).toBytes());
  }
}
