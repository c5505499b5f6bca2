package org.fedbridge.validator.signing;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export and import of the signing protection, so that an operator can move a validator to a new
 * machine without the risk of double-signing: export on the old one (stopped), import on the new
 * one before it signs. Importing only ever adds records.
 */
public final class SigningProtectionAdmin {
  private static final Logger log = LoggerFactory.getLogger(SigningProtectionAdmin.class);

  private final SigningProtectionStore store;
  private final ProtectionInterchange.Metadata metadata;
  private final int maxRecords;
  private final Clock clock;
  private final ProtectionInterchange interchange = new ProtectionInterchange();

  SigningProtectionAdmin(
      SigningProtectionStore store,
      ProtectionInterchange.Metadata metadata,
      int maxRecords,
      Clock clock) {
    this.store = store;
    this.metadata = metadata;
    this.maxRecords = maxRecords;
    this.clock = clock;
  }

  /** What an import did. */
  sealed interface Imported {
    record Applied(int added, int alreadyPresent) implements Imported {}

    record Refused(SigningApiError error, String detail) implements Imported {}
  }

  /** The whole protection table as an interchange document. */
  public String export() {
    return interchange.export(metadata, store.all());
  }

  /** Merges an interchange document: all records added, or none. */
  Imported importDocument(String body) {
    ProtectionInterchange.Parsed parsed = interchange.parse(body, metadata, maxRecords);
    if (parsed instanceof ProtectionInterchange.Parsed.Bad bad) {
      return new Imported.Refused(bad.error(), bad.detail());
    }
    var entries = ((ProtectionInterchange.Parsed.Ok) parsed).entries();
    SigningProtectionStore.ImportOutcome outcome = store.importAll(entries, clock.instant());
    if (!outcome.conflicts().isEmpty()) {
      log.warn(
          "signing protection import refused: {} conflicting records", outcome.conflicts().size());
      return new Imported.Refused(
          SigningApiError.CONFLICTING_RECORDS,
          outcome.conflicts().size()
              + " records conflict; nothing imported. First: "
              + outcome.conflicts().get(0));
    }
    log.info(
        "signing protection imported: {} added, {} already present",
        outcome.added(),
        outcome.alreadyPresent());
    return new Imported.Applied(outcome.added(), outcome.alreadyPresent());
  }
}
