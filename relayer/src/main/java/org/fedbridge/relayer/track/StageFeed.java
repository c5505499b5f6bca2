package org.fedbridge.relayer.track;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes {@link StageChanged} for every stage row committed since the last look, in order. It
 * reads the database, not the writer's memory, so every instance behind the API (not only the one
 * that follows the chains, see {@code Leadership}) streams every change to its clients.
 */
@Component
class StageFeed {
  private final TransferStageRepository stages;
  private final ApplicationEventPublisher events;
  private final AtomicLong after = new AtomicLong(-1);

  StageFeed(TransferStageRepository stages, ApplicationEventPublisher events) {
    this.stages = stages;
    this.events = events;
  }

  @Scheduled(fixedDelayString = "${bridge.relayer.api.stage-feed-interval:300ms}")
  @Transactional(readOnly = true)
  void poll() {
    if (after.get() < 0) {
      after.set(stages.lastId()); // streams carry what happens from now on
      return;
    }
    for (Object[] row : stages.after(after.get(), PageRequest.of(0, 1000))) {
      TransferStageEntity s = (TransferStageEntity) row[0];
      TransferEntity t = (TransferEntity) row[1];
      events.publishEvent(
          new StageChanged(
              t.id,
              t.kind,
              t.nonce,
              t.sender,
              t.recipient,
              s.stage,
              s.detail,
              s.stage == t.stage ? t.stageUntil : null,
              s.at));
      after.set(s.id);
    }
  }
}
