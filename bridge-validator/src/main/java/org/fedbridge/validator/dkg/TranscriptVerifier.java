package org.fedbridge.validator.dkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.dkg.DkgLog;
import org.fedbridge.core.dkg.DkgLog.Phase;
import org.fedbridge.core.dkg.DkgMember;
import org.fedbridge.core.dkg.DkgPublicOutput;
import org.fedbridge.core.types.Hex;

/**
 * Re-evaluates an exported transcript offline with the same code the members ran ({@link DkgLog}):
 * every record must authenticate and count, the rounds must close where the records say, and the
 * run must end with t confirmations of the outcome it computes.
 */
final class TranscriptVerifier {
  private TranscriptVerifier() {}

  /** What {@code dkg verify} prints, and whether the transcript holds. */
  record Report(boolean ok, List<String> lines) {}

  static Report verify(TranscriptFile file) {
    List<String> lines = new ArrayList<>();
    FederationSpec spec = file.spec();
    lines.add("session " + spec.config().sessionId());
    lines.add(
        "epoch "
            + spec.epoch()
            + ", "
            + spec.threshold()
            + "-of-"
            + spec.config().n()
            + ", L1 chain "
            + spec.l1ChainId()
            + ", sidechain "
            + spec.sidechainId());
    if (!spec.config().sessionId().equals(file.sessionId())) {
      lines.add("FAIL: the transcript's session id is not the one its spec derives");
      return new Report(false, lines);
    }
    DkgLog log = new DkgLog(spec.config());
    for (int i = 0; i < file.records().size(); i++) {
      DkgLog.Step step = log.append(file.records().get(i));
      if (!(step instanceof DkgLog.Step.Accepted)) {
        lines.add("FAIL: record " + i + " does not count: " + step);
        return new Report(false, lines);
      }
    }
    for (Map.Entry<Integer, Integer> c : new java.util.TreeMap<>(log.roundClosedAt()).entrySet()) {
      lines.add("round " + c.getKey() + " closed at record " + c.getValue());
    }
    lines.add(
        "deals from "
            + log.transcript().deals().stream().map(d -> d.dealer()).sorted().toList()
            + ", "
            + log.transcript().complaints().size()
            + " complaints, "
            + log.transcript().justifications().size()
            + " justifications");
    if (log.output().isEmpty()) {
      lines.add(
          "FAIL: "
              + log.failure().orElse("the rounds did not all close")
              + " (phase "
              + log.phase()
              + ")");
      return new Report(false, lines);
    }
    DkgPublicOutput out = log.output().get();
    lines.add("qualified dealers " + new java.util.TreeSet<>(out.qualified()));
    lines.add("group key " + Hex.encode(out.groupKey().toCompressed()));
    for (DkgMember m : spec.config().members()) {
      lines.add(
          "  member "
              + m.index()
              + " "
              + m.operatorId()
              + " share key "
              + Hex.encode(out.sharePublicKey(m.index()).toCompressed()));
    }
    lines.add("transcript hash " + log.transcriptHash().orElseThrow());
    lines.add(
        "confirmed by "
            + new java.util.TreeSet<>(log.confirmedBy())
            + " (need "
            + spec.threshold()
            + ")"
            + (log.dissenters().isEmpty() ? "" : ", dissent from " + log.dissenters()));
    boolean ok = log.phase() == Phase.CONFIRMED;
    lines.add(
        ok
            ? "OK: the transcript yields this key and t members confirmed it"
            : "FAIL: not confirmed by t members");
    return new Report(ok, lines);
  }
}
