package org.fedbridge.sidechain.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.fedbridge.sidechain.tx.SignedTransaction;

/**
 * One sender's place in admission: the nonce after the last transaction this node appended for it,
 * and the transactions that wait for a nonce gap to close. Callers hold the queue's monitor. A
 * queue that has nothing to remember is retired and removed from the map; a caller that finds it
 * retired under the monitor takes a fresh one, so two queues never serve one sender at once.
 */
final class SenderQueue {
  /** The next nonce after what this node appended; 0 when it appended nothing still pending. */
  private long appendedUpTo;

  private final TreeMap<Long, SignedTransaction> waiting = new TreeMap<>();
  private boolean retired;

  boolean retired() {
    return retired;
  }

  /** The nonce the sender's next transaction should carry, given the state's nonce. */
  long pendingNonce(long stateNonce) {
    return Math.max(stateNonce, appendedUpTo);
  }

  /** Queues a transaction ahead of the pending nonce; false if that nonce already waits. */
  boolean hold(SignedTransaction tx) {
    return waiting.putIfAbsent(tx.nonce(), tx) == null;
  }

  /**
   * {@code first} goes to the log now: returns it and every waiting transaction that follows it
   * without a gap, in nonce order, and moves the pending nonce past them.
   */
  List<SignedTransaction> release(SignedTransaction first) {
    List<SignedTransaction> out = new ArrayList<>();
    out.add(first);
    long n = first.nonce() + 1;
    SignedTransaction next;
    while ((next = waiting.remove(n)) != null) {
      out.add(next);
      n++;
    }
    appendedUpTo = n;
    return out;
  }

  /** The log carried a transaction that execution dropped: fall back to the state's nonce. */
  void forgetAppended() {
    appendedUpTo = 0;
  }

  int waitingCount() {
    return waiting.size();
  }

  /** Retires the queue if it has nothing left to remember at this state nonce. */
  boolean retireIfIdle(long stateNonce) {
    if (waiting.isEmpty() && appendedUpTo <= stateNonce) {
      retired = true;
    }
    return retired;
  }
}
