package org.fedbridge.relayer.track;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** The watchers' positions in {@code chain_cursors}; advanced inside the watcher's transaction. */
@Component
class Cursors {
  private final CursorRepository cursors;
  private final Clock clock;

  Cursors(CursorRepository cursors, Clock clock) {
    this.cursors = cursors;
    this.clock = clock;
  }

  /** The next block to scan, {@code start} the first time. */
  long next(String name, long start) {
    return cursors.findById(name).map(c -> Math.max(c.nextBlock, start)).orElse(start);
  }

  void advance(String name, long nextBlock) {
    CursorEntity c =
        cursors.findById(name).orElseGet(() -> new CursorEntity(name, nextBlock, clock.instant()));
    c.nextBlock = Math.max(c.nextBlock, nextBlock);
    c.updatedAt = clock.instant();
    cursors.save(c);
  }
}
