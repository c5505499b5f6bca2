package org.fedbridge.validator.watch;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fedbridge.validator.signing.SigningHalt;

/**
 * {@link WatchStatus} as the watchers update it; the halt reason comes from {@link SigningHalt}.
 */
final class WatchState implements WatchStatus {
  private final AtomicLong l1Head = new AtomicLong(-1);
  private final AtomicLong l1SafeHead = new AtomicLong(-1);
  private final AtomicLong l1Cursor = new AtomicLong(-1);
  private final AtomicLong sidechainHead = new AtomicLong(-1);
  private final AtomicLong sidechainCursor = new AtomicLong(-1);
  private final SigningHalt halt;

  WatchState(SigningHalt halt) {
    this.halt = halt;
  }

  @Override
  public long l1Head() {
    return l1Head.get();
  }

  @Override
  public long l1SafeHead() {
    return l1SafeHead.get();
  }

  @Override
  public long l1Cursor() {
    return l1Cursor.get();
  }

  @Override
  public long sidechainHead() {
    return sidechainHead.get();
  }

  @Override
  public long sidechainCursor() {
    return sidechainCursor.get();
  }

  @Override
  public Optional<String> haltReason() {
    return halt.current().map(h -> h.source() + ": " + h.reason());
  }

  void l1(long head, long safeHead) {
    l1Head.set(head);
    l1SafeHead.set(safeHead);
  }

  void l1Cursor(long cursor) {
    l1Cursor.set(cursor);
  }

  void sidechainHead(long head) {
    sidechainHead.set(head);
  }

  void sidechainCursor(long cursor) {
    sidechainCursor.set(cursor);
  }
}
