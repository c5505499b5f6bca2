package org.fedbridge.validator.dkg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.dkg.IdentityKey;

/** Runs a real DKG over Kafka for tests of other features that need a confirmed federation. */
public final class DkgFixture {
  private DkgFixture() {}

  /** One member after the DKG: its key directory, its DKG service and the federation it holds. */
  public record Member(
      String operatorId,
      Path keysDir,
      IdentityKey identity,
      DkgService service,
      ConfirmedFederation federation,
      javax.sql.DataSource dataSource) {}

  /** {@code n} members ({@code prefix-1} ...) run the DKG of {@code epoch}; all must confirm. */
  public static List<Member> confirmed(String prefix, int n, int t, long epoch) throws Exception {
    return confirmed(prefix, n, t, epoch, 0);
  }

  /**
   * As above, plus {@code joiners} more members ({@code prefix-(n+1)} ...) whose DKG services run
   * on the same topic but who are not in this epoch (their federation is null): candidates for a
   * later epoch.
   */
  public static List<Member> confirmed(String prefix, int n, int t, long epoch, int joiners)
      throws Exception {
    List<DkgTestMember> ms = DkgOverKafkaTest.members(prefix, n + joiners);
    List<DkgTestMember> renamed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      renamed.add(ms.get(i));
    }
    FederationSpec spec = DkgOverKafkaTest.spec(renamed, t, epoch);
    String topic = DkgOverKafkaTest.freshTopic();
    List<DkgService> services =
        ms.stream()
            .map(
                m ->
                    m.start(
                        topic,
                        DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofMinutes(3))))
            .toList();
    List<DkgOutcome> outcomes = DkgOverKafkaTest.runAll(services.subList(0, n), spec);
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < n + joiners; i++) {
      ConfirmedFederation f = i < n ? ((DkgOutcome.Confirmed) outcomes.get(i)).federation() : null;
      out.add(
          new Member(
              ms.get(i).operatorId,
              ms.get(i).keysDir,
              ms.get(i).identity,
              services.get(i),
              f,
              ms.get(i).dataSource));
    }
    return out;
  }

  /** The federation spec and the other members' runs, going on in the background. */
  public record Others(
      FederationSpec spec, String topic, List<java.util.concurrent.Future<DkgOutcome>> runs) {}

  /**
   * A spec whose member 1 is {@code first} (e.g. a service under test) and members 2..n fresh
   * in-process members, written to {@code specFile}; those members start their DKG now on a fresh
   * topic.
   */
  public static Others othersJoin(
      String prefix, String firstOperator, IdentityKey first, int n, int t, Path specFile)
      throws Exception {
    org.springframework.util.FileSystemUtils.deleteRecursively(
        DkgOverKafkaTest.ROOT.resolve(prefix));
    List<DkgTestMember> others = new ArrayList<>();
    List<org.fedbridge.core.dkg.DkgMember> dm = new ArrayList<>();
    dm.add(new org.fedbridge.core.dkg.DkgMember(1, firstOperator, first.publicKey()));
    for (int k = 2; k <= n; k++) {
      DkgTestMember m =
          new DkgTestMember(
              "other-" + k,
              prefix + "_o" + k,
              DkgOverKafkaTest.ROOT.resolve(prefix).resolve("other-" + k));
      others.add(m);
      dm.add(new org.fedbridge.core.dkg.DkgMember(k, m.operatorId, m.identity.publicKey()));
    }
    FederationSpec spec =
        FederationSpec.parse(
                FederationSpec.write(
                    31337, org.fedbridge.core.types.Address.ZERO, 1337, 0, 0, t, dm))
            .orThrow();
    java.nio.file.Files.writeString(specFile, spec.json());
    String topic = DkgOverKafkaTest.freshTopic();
    List<java.util.concurrent.Future<DkgOutcome>> runs = new ArrayList<>();
    for (DkgTestMember m : others) {
      DkgService s =
          m.start(topic, DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofMinutes(3)));
      runs.add(DkgOverKafkaTest.POOL.submit(() -> s.run(spec)));
    }
    return new Others(spec, topic, runs);
  }
}
