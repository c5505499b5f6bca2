package org.fedbridge.core.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.DkgMessage.Complaint;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;

/**
 * The independent review's finding, replayed on an ordered log: a member's own message that reaches
 * the log only after its round ended must count for nobody, that member included. Before the fix,
 * {@code DkgSession} recorded its own deal and complaints at once, so this member evaluated a
 * different transcript than everyone else and ended with a different qualified set and group key.
 */
class DkgOwnMessageOrderTest {
  static final SecureRandom RND = new SecureRandom();

  /** Delivers {@code messages} in log order to every session (the sender's own included). */
  static void log(LocalDkg net, List<DkgMessage> messages) {
    for (DkgMessage m : messages) {
      for (DkgSession s : net.sessions) {
        s.receive(m);
      }
    }
  }

  static Map<Integer, Result<DkgResult>> finishAll(LocalDkg net) {
    Map<Integer, Result<DkgResult>> out = new LinkedHashMap<>();
    for (DkgSession s : net.sessions) {
      out.put(s.index(), s.finish());
    }
    return out;
  }

  static Set<PublicKey> groupKeys(Map<Integer, Result<DkgResult>> results) {
    return results.values().stream()
        .filter(Result::isOk)
        .map(r -> r.orThrow().output().groupKey())
        .collect(Collectors.toSet());
  }

  @Test
  void ownComplaintThatReachesTheLogAfterTheComplaintRoundForksNobody() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    // Dealer 3 gives member 1 a share that does not match its commitments.
    List<DkgMessage> deals = new ArrayList<>();
    for (DkgSession s : net.sessions) {
      for (DkgMessage m : s.start()) {
        deals.add(s.index() == 3 ? DkgTest.badShareFor(net, (Deal) m, 1) : m);
      }
    }
    log(net, deals);
    List<DkgMessage> complaints = new ArrayList<>();
    for (DkgSession s : net.sessions) {
      complaints.addAll(s.endDealRound());
    }
    assertThat(complaints)
        .singleElement()
        .satisfies(c -> assertThat(((Complaint) c).complainer()).isEqualTo(1));
    // Kafka delays member 1's complaint: the complaint round ends (at the same log position for
    // everyone) before the complaint is on the log.
    List<DkgMessage> justifications = new ArrayList<>();
    for (DkgSession s : net.sessions) {
      justifications.addAll(s.endComplaintRound());
    }
    log(net, complaints); // too late: every session is in the justification round now
    log(net, justifications);
    Map<Integer, Result<DkgResult>> results = finishAll(net);

    // One group key for everyone who has a share; dealer 3 stays qualified for all.
    assertThat(groupKeys(results)).hasSize(1);
    for (int i = 2; i <= 4; i++) {
      assertThat(results.get(i).orThrow().output().qualified())
          .containsExactlyInAnyOrder(1, 2, 3, 4);
    }
    // Member 1 holds no valid share from qualified dealer 3: it fails cleanly instead of forking.
    assertThat(results.get(1).isOk()).isFalse();
  }

  @Test
  void ownDealThatReachesTheLogAfterTheDealRoundForksNobody() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    List<DkgMessage> onTime = new ArrayList<>();
    List<DkgMessage> late = new ArrayList<>();
    for (DkgSession s : net.sessions) {
      (s.index() == 2 ? late : onTime).addAll(s.start());
    }
    log(net, onTime);
    List<DkgMessage> complaints = new ArrayList<>();
    for (DkgSession s : net.sessions) {
      complaints.addAll(s.endDealRound());
    }
    log(net, late); // member 2's deal lands after the deal round ended
    log(net, complaints);
    List<DkgMessage> justifications = new ArrayList<>();
    for (DkgSession s : net.sessions) {
      justifications.addAll(s.endComplaintRound());
    }
    log(net, justifications);
    Map<Integer, Result<DkgResult>> results = finishAll(net);

    assertThat(groupKeys(results)).hasSize(1);
    for (int i = 1; i <= 4; i++) {
      assertThat(results.get(i).orThrow().output().qualified())
          .as("member %d", i)
          .containsExactlyInAnyOrder(1, 3, 4);
    }
  }
}
