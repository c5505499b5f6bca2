package org.fedbridge.validator.dkg;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.validator.keys.Identities;
import org.fedbridge.validator.keys.KeyDirectory;

/**
 * The DKG feature's face: run this member's part of a DKG for a federation spec, and the
 * federations that DKGs confirmed (for {@code Federations}).
 */
public final class DkgService {
  private final DkgStore store;
  private final DkgWiring wiring;
  private final KeyDirectory keys;
  private final Identities identities;
  private final DkgMetrics metrics;
  private final Clock clock;

  DkgService(
      DkgStore store,
      DkgWiring wiring,
      KeyDirectory keys,
      Identities identities,
      DkgMetrics metrics,
      Clock clock) {
    this.store = store;
    this.wiring = wiring;
    this.keys = keys;
    this.identities = identities;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Runs (or resumes, or reports) this member's part of the DKG {@code spec} describes, until the
   * log confirms or fails it, or the session timeout passes.
   */
  public DkgOutcome run(FederationSpec spec) {
    return run(spec, link -> link);
  }

  /** {@link #run(FederationSpec)} over a wrapped link (tests play a slow or hostile Kafka). */
  DkgOutcome run(FederationSpec spec, UnaryOperator<DkgLink> wrap) {
    try (DkgTransport transport =
        new DkgTransport(wiring.kafka(), wiring.topic(), wiring.clientId())) {
      return new DkgParticipant(
              store, wrap.apply(transport), keys, identities, wiring.settings(), metrics, clock)
          .run(spec);
    }
  }

  /** The confirmed federation of an epoch, if this member took part in its DKG. */
  public Optional<ConfirmedFederation> federation(long epoch) {
    return store.federation(epoch);
  }

  public List<ConfirmedFederation> federations() {
    return store.federations();
  }

  /** The exported transcript of a session this member stored (JSON), if any. */
  public Optional<String> transcript(Bytes32 session, FederationSpec spec) {
    if (store.session(session).isEmpty()) {
      return Optional.empty();
    }
    List<byte[]> records =
        store.records(session).stream().map(DkgStore.StoredRecord::bytes).toList();
    return Optional.of(new TranscriptFile(spec, session, records).toJson());
  }
}
