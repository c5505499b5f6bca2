package org.fedbridge.core.message;

import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;

/** The signed message types; {@code TYPE = keccak256(ASCII name)} (docs/encoding.md). */
public enum MessageType {
  DEPOSIT_BATCH("fedbridge.DepositBatch.v1"),
  WITHDRAWAL_BATCH("fedbridge.WithdrawalBatch.v1"),
  EPOCH_CHANGE("fedbridge.EpochChange.v1"),
  TOKEN_CONFIG("fedbridge.TokenConfig.v1"),
  PAUSER_UPDATE("fedbridge.PauserUpdate.v1"),
  UNPAUSE("fedbridge.Unpause.v2"),
  ROOT_REVOCATION("fedbridge.RootRevocation.v1");

  private final String label;
  private final Bytes32 typeHash;

  MessageType(String label) {
    this.label = label;
    this.typeHash = Keccak.hash(label.getBytes(StandardCharsets.US_ASCII));
  }

  /** The ASCII name that is hashed, e.g. {@code fedbridge.DepositBatch.v1}. */
  public String label() {
    return label;
  }

  public Bytes32 typeHash() {
    return typeHash;
  }
}
