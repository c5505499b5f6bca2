package org.fedbridge.core.message;

import org.fedbridge.core.types.Bytes32;

/**
 * A message the federation threshold-signs. Its digest is {@code keccak256(abi.encode(TYPE,
 * domain…, payload…))}; the BLS signature is over that 32-byte digest.
 */
public sealed interface SignedMessage
    permits DepositBatch,
        WithdrawalBatch,
        EpochChange,
        TokenConfig,
        PauserUpdate,
        Unpause,
        RootRevocation {

  MessageType type();

  /** The 32-byte digest under {@code domain}. */
  Bytes32 digest(Domain domain);
}
