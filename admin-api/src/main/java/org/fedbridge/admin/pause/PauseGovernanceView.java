package org.fedbridge.admin.pause;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fedbridge.admin.federation.GovernanceTracker;
import org.fedbridge.admin.proposals.ProposalKind;
import org.fedbridge.admin.proposals.ProposalView;
import org.fedbridge.admin.proposals.Proposals;
import org.springframework.stereotype.Service;

/**
 * Where each unpause (and pauser update) stands, from the proposal to the vault: PROPOSED (k of M
 * approvals), APPROVED (timelock until T), then the {@link GovernanceTracker}'s stages once it is
 * published (PUBLISHED, waiting for the federation's certificate or its governance nonce;
 * CERTIFIED; SUBMITTED; QUEUED until T on L1; EXECUTED, i.e. unpaused; or APPLIED, CANCELLED,
 * FAILED), each with the reason it waits or ended. Newest first.
 */
@Service
class PauseGovernanceView {
  private static final int RECENT = 200;
  private final Proposals proposals;
  private final GovernanceTracker tracker;

  PauseGovernanceView(Proposals proposals, GovernanceTracker tracker) {
    this.proposals = proposals;
    this.tracker = tracker;
  }

  /** The recent proposals of {@code kind} (UNPAUSE or PAUSER_UPDATE) and their progress. */
  List<Map<String, Object>> of(ProposalKind kind) {
    Map<Long, GovernanceTracker.Progress> tracked =
        tracker.progress().stream()
            .collect(
                Collectors.toMap(
                    GovernanceTracker.Progress::sequence, Function.identity(), (a, b) -> a));
    List<Map<String, Object>> out = new ArrayList<>();
    for (ProposalView p : proposals.list(Optional.empty(), RECENT)) {
      if (p.kind() != kind) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("proposal", p.id());
      m.put("summary", p.summary());
      m.put("proposalState", p.state());
      GovernanceTracker.Progress g = tracked.get(p.governanceSequence());
      switch (p.state()) {
        case "PENDING" -> {
          m.put("stage", "PROPOSED");
          m.put(
              "reason",
              "waits for approvals: " + p.approvals().size() + " of " + p.requiredApprovals());
        }
        case "APPROVED" -> {
          m.put("stage", "APPROVED");
          m.put("reason", "approved; published when the timelock ends (any admin may cancel)");
          m.put("until", p.readyAt());
        }
        case "PUBLISHED" -> {
          if (g == null) {
            m.put("stage", "PUBLISHED");
            m.put("reason", "published on bridge.governance; waits for the federation");
          } else {
            m.put("stage", g.stage().name());
            m.put("reason", g.reason());
            m.put("governanceNonce", g.governanceNonce());
            m.put("until", g.until());
            m.put("transaction", g.transaction());
          }
        }
        default -> {
          m.put("stage", p.state());
          m.put("reason", p.closeReason());
        }
      }
      out.add(m);
    }
    return out;
  }
}
