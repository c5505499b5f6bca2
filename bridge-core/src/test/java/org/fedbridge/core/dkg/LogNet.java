package org.fedbridge.core.dkg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;

/**
 * Members running {@link DkgRun}s over one shared, totally ordered in-memory log, the way they run
 * over the {@code bridge.dkg} topic: each member reads the log in order from its own cursor and
 * appends what it is told to publish. A {@code hold} predicate lets a test delay any member's
 * records (a slow or hostile Kafka) until it releases them.
 */
final class LogNet {
  final DkgConfig config;
  final List<IdentityKey> identities;
  final Map<Integer, byte[]> seeds = new HashMap<>();
  final Map<Integer, DkgRun> runs = new HashMap<>();
  final Map<Integer, Integer> cursor = new HashMap<>();
  final List<byte[]> log = new ArrayList<>();
  final List<byte[]> held = new ArrayList<>();
  final List<Integer> heldFrom = new ArrayList<>();
  BiPredicate<Integer, byte[]> hold = (sender, record) -> false;

  LogNet(int n, int t, SecureRandom rnd) {
    identities = new ArrayList<>();
    List<DkgMember> members = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      IdentityKey k = IdentityKey.random(rnd);
      identities.add(k);
      members.add(new DkgMember(i, "operator-" + i, k.publicKey()));
      seeds.put(i, LocalDkg.seed(rnd));
    }
    Bytes32 session = Keccak.hash(("log-net-" + rnd.nextLong()).getBytes());
    config = DkgConfig.of(session, members, t).orThrow();
  }

  /** Starts member {@code i} (with its recorded seed) and publishes its outbox. */
  DkgRun start(int i) {
    DkgRun run = DkgRun.start(config, i, identities.get(i - 1), seeds.get(i));
    runs.put(i, run);
    cursor.put(i, 0);
    publish(i, run.outbox());
    return run;
  }

  void publish(int sender, List<byte[]> records) {
    for (byte[] r : records) {
      if (hold.test(sender, r)) {
        held.add(r);
        heldFrom.add(sender);
      } else {
        log.add(r);
      }
    }
  }

  /** Appends held records to the log (in the order they were held). */
  void release() {
    log.addAll(held);
    held.clear();
    heldFrom.clear();
  }

  /** Lets every running member read the log to its end, publishing as it goes, until quiet. */
  void pump() {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (var e : runs.entrySet()) {
        int i = e.getKey();
        int at = cursor.get(i);
        while (at < log.size()) {
          DkgRun.Progress p = e.getValue().onRecord(log.get(at++));
          cursor.put(i, at);
          publish(i, p.publish());
          moved = true;
        }
      }
    }
  }

  /** Member {@code i}'s deadline for its current round passes. */
  void timeout(int i) {
    publish(i, runs.get(i).timeout());
  }

  /** A log observer (what {@code dkg verify} runs) fed the whole log. */
  DkgLog observe() {
    DkgLog observer = new DkgLog(config);
    log.forEach(observer::append);
    return observer;
  }

  /** A record of kind {@code m} signed by member {@code by}'s identity key. */
  byte[] signedBy(int by, DkgMessage m) {
    IdentityKey k = identities.get(by - 1);
    DkgMessage s =
        m instanceof DkgMessage.RoundEnd r
            ? r.signed(k)
            : m instanceof DkgMessage.Confirmation c
                ? c.signed(k)
                : m instanceof DkgMessage.Complaint c
                    ? c.signed(k)
                    : ((DkgMessage.Deal) m).signed(k);
    return DkgCodec.encode(s);
  }
}
