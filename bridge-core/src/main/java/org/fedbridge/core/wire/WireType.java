package org.fedbridge.core.wire;

import org.fedbridge.core.message.MessageType;

/** The one-byte message type codes of Kafka records (docs/architecture.md, "Kafka records"). */
public enum WireType {
  DEPOSIT_BATCH(1, MessageType.DEPOSIT_BATCH),
  WITHDRAWAL_BATCH(2, MessageType.WITHDRAWAL_BATCH),
  EPOCH_CHANGE(3, MessageType.EPOCH_CHANGE),
  TOKEN_CONFIG(4, MessageType.TOKEN_CONFIG),
  PAUSER_UPDATE(5, MessageType.PAUSER_UPDATE),
  UNPAUSE(6, MessageType.UNPAUSE);

  private final int code;
  private final MessageType messageType;

  WireType(int code, MessageType messageType) {
    this.code = code;
    this.messageType = messageType;
  }

  public int code() {
    return code;
  }

  public MessageType messageType() {
    return messageType;
  }

  /** The type of a code, or null for a code no type has. */
  public static WireType ofCode(int code) {
    for (WireType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /** The wire type of a message type; throws for a type without a code. */
  public static WireType of(MessageType m) {
    for (WireType t : values()) {
      if (t.messageType == m) {
        return t;
      }
    }
    throw new IllegalArgumentException("no wire code for " + m);
  }
}
