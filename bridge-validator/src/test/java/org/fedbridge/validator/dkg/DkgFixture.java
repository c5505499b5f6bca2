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
      ConfirmedFederation federation) {}

  /** {@code n} members ({@code prefix-1} ...) run the DKG of {@code epoch}; all must confirm. */
  public static List<Member> confirmed(String prefix, int n, int t, long epoch) throws Exception {
    List<DkgTestMember> ms = DkgOverKafkaTest.members(prefix, n);
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
    List<DkgOutcome> outcomes = DkgOverKafkaTest.runAll(services, spec);
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DkgOutcome.Confirmed c = (DkgOutcome.Confirmed) outcomes.get(i);
      out.add(
          new Member(
              ms.get(i).operatorId,
              ms.get(i).keysDir,
              ms.get(i).identity,
              services.get(i),
              c.federation()));
    }
    return out;
  }
}
