package org.fedbridge.validator.consensus;

import java.util.Optional;
import org.fedbridge.core.message.MessageType;

/** The message type codes of the Kafka records (docs/architecture.md, "Kafka records"). */
final class WireTypes {
  private WireTypes() {}

  static int code(MessageType type) {
    return type.ordinal() + 1;
  }

  static Optional<MessageType> type(int code) {
    MessageType[] all = MessageType.values();
    return code >= 1 && code <= all.length ? Optional.of(all[code - 1]) : Optional.empty();
  }
}
