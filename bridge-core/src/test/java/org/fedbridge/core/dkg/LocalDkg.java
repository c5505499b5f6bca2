package org.fedbridge.core.dkg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Result;

/**
 * Runs every member's {@link DkgSession} in one JVM over a perfect broadcast, for tests and the DKG
 * benchmark. A {@code tamper} function may rewrite what a sender broadcasts (to play a malicious
 * dealer).
 */
public final class LocalDkg {
  public final DkgConfig config;
  public final List<IdentityKey> identities;
  public final List<DkgSession> sessions = new ArrayList<>();

  private LocalDkg(DkgConfig config, List<IdentityKey> identities, SecureRandom rnd) {
    this.config = config;
    this.identities = identities;
    for (int i = 1; i <= config.n(); i++) {
      sessions.add(new DkgSession(config, i, identities.get(i - 1), seed(rnd)));
    }
  }

  /** A fresh 32-byte dealing seed. */
  public static byte[] seed(SecureRandom rnd) {
    byte[] seed = new byte[32];
    rnd.nextBytes(seed);
    return seed;
  }

  /** A fresh n-member network with the default threshold. */
  public static LocalDkg create(int n, SecureRandom rnd) {
    return create(n, org.fedbridge.core.threshold.ThresholdPolicy.minimumThreshold(n), rnd);
  }

  public static LocalDkg create(int n, int t, SecureRandom rnd) {
    List<IdentityKey> ids = new ArrayList<>();
    List<DkgMember> members = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      IdentityKey k = IdentityKey.random(rnd);
      ids.add(k);
      members.add(new DkgMember(i, "operator-" + i, k.publicKey()));
    }
    Bytes32 session = Keccak.hash(("dkg-test-" + rnd.nextLong()).getBytes());
    return new LocalDkg(DkgConfig.of(session, members, t).orThrow(), ids, rnd);
  }

  /** Runs all rounds; honest broadcast unless {@code tamper} rewrites a sender's messages. */
  public Map<Integer, Result<DkgResult>> run(
      BiFunction<Integer, List<DkgMessage>, List<DkgMessage>> tamper) {
    List<DkgMessage> wire = new ArrayList<>();
    for (DkgSession s : sessions) {
      wire.addAll(tamper.apply(s.index(), s.start()));
    }
    deliver(wire);
    wire.clear();
    for (DkgSession s : sessions) {
      wire.addAll(tamper.apply(s.index(), s.endDealRound()));
    }
    deliver(wire);
    wire.clear();
    for (DkgSession s : sessions) {
      wire.addAll(tamper.apply(s.index(), s.endComplaintRound()));
    }
    deliver(wire);
    Map<Integer, Result<DkgResult>> out = new LinkedHashMap<>();
    for (DkgSession s : sessions) {
      out.put(s.index(), s.finish());
    }
    return out;
  }

  public Map<Integer, Result<DkgResult>> run() {
    return run((i, msgs) -> msgs);
  }

  private void deliver(List<DkgMessage> wire) {
    for (DkgMessage m : wire) {
      for (DkgSession s : sessions) {
        s.receive(m);
      }
    }
  }
}
