package org.fedbridge.validator.signing;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;

/**
 * The partials this member has signed, read from the signing protection (committed before any
 * partial left the process). For the consensus feature: after a restart it pages through them with
 * {@link #after} and re-publishes those whose batch has no certificate yet, so that quorum is never
 * lost because members saw a batch at different times.
 */
public interface SignedPartials {

  /** The record for (type, batch id, epoch), if this member signed (or imported) one. */
  Optional<ProtectionRecord> find(MessageType type, UInt256 batchId, long epoch);

  /**
   * Records carrying a partial with {@code sequence > afterSequence}, oldest first, at most {@code
   * limit}. Start with {@code -1}; continue with the last record's {@code sequence}.
   */
  List<ProtectionRecord> after(long afterSequence, int limit);
}
