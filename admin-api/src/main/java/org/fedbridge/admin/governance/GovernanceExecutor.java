package org.fedbridge.admin.governance;

import org.fedbridge.admin.proposals.Proposals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a second: closes expired proposals, carries out those whose timelock has ended, and sends
 * what is still unsent. Each proposal is carried out in its own transaction.
 */
@Component
class GovernanceExecutor {
  private static final Logger log = LoggerFactory.getLogger(GovernanceExecutor.class);
  private final Proposals proposals;
  private final GovernancePublisher publisher;
  private final GovernanceSender sender;
  private final java.util.Map<Long, String> waiting =
      new java.util.concurrent.ConcurrentHashMap<>();

  GovernanceExecutor(Proposals proposals, GovernancePublisher publisher, GovernanceSender sender) {
    this.proposals = proposals;
    this.publisher = publisher;
    this.sender = sender;
  }

  @Scheduled(fixedDelayString = "${bridge.admin.governance-poll:PT1S}")
  void round() {
    try {
      proposals.expire();
      for (long id : proposals.due()) {
        GovernancePublisher.Carried c = publisher.carryOut(id);
        if (c instanceof GovernancePublisher.Carried.Waiting w
            && !w.reason().equals(waiting.put(id, w.reason()))) {
          log.info("proposal {} waits: {}", id, w.reason());
        }
      }
      sender.sendPending();
    } catch (RuntimeException e) {
      log.warn("governance round failed, retried in a second: {}", e.toString());
    }
  }
}
