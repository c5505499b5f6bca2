package org.fedbridge.validator.dkg;

import java.util.List;
import org.fedbridge.core.types.Bytes32;

/** How a DKG run ended for this member. */
public sealed interface DkgOutcome {
  Bytes32 sessionId();

  /**
   * t members confirmed the key on the log. {@code withShare} is false when this member holds no
   * valid share of it (e.g. its complaint reached the log too late): the federation stands, this
   * member cannot sign for it.
   */
  record Confirmed(
      ConfirmedFederation federation,
      Bytes32 transcriptHash,
      boolean withShare,
      List<byte[]> transcript)
      implements DkgOutcome {
    @Override
    public Bytes32 sessionId() {
      return federation.sessionId();
    }

    @Override
    public String toString() {
      return "Confirmed(epoch "
          + federation.epoch()
          + ", session "
          + federation.sessionId()
          + (withShare ? ", with this member's share" : ", without a share for this member")
          + ")";
    }
  }

  /** The run failed (on the log, or it did not finish within the session timeout here). */
  record Failed(Bytes32 sessionId, String reason, boolean resumable) implements DkgOutcome {}
}
