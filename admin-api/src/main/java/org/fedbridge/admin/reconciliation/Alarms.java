package org.fedbridge.admin.reconciliation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.admin.pause.VaultPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises a reconciliation mismatch once: a row, an audit alert in the same transaction, the {@code
 * fedbridge_admin_reconciliation_alerts_total} counter and an error log line; and, if {@code
 * bridge.admin.reconciliation.auto-pause} is on, pauses the vault.
 */
@Component
class Alarms {
  private static final Logger log = LoggerFactory.getLogger(Alarms.class);
  private final ReconciliationStore store;
  private final AuditLog audit;
  private final VaultPause pause;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final MeterRegistry meters;
  private final boolean autoPause;

  Alarms(
      ReconciliationStore store,
      AuditLog audit,
      VaultPause pause,
      TransactionTemplate tx,
      Clock clock,
      MeterRegistry meters,
      AdminProperties properties) {
    this.store = store;
    this.audit = audit;
    this.pause = pause;
    this.tx = tx;
    this.clock = clock;
    this.meters = meters;
    this.autoPause = properties.reconciliation().autoPause();
    Gauge.builder(
            "fedbridge.admin.reconciliation.mismatches", store, ReconciliationStore::openCount)
        .description("open reconciliation mismatches")
        .register(meters);
  }

  /** A balance problem the last round no longer sees is closed (audited). */
  void resolve(String kind, String subject) {
    tx.executeWithoutResult(
        s -> {
          if (store.resolve(kind, subject, clock.instant())) {
            audit.record(
                AuditLog.SYSTEM + "reconciliation",
                "reconciliation.resolved",
                (kind + "/" + subject)
                    .substring(0, Math.min(256, kind.length() + 1 + subject.length())),
                Map.of("kind", kind));
          }
        });
  }

  /** Returns true when the problem is new. */
  boolean raise(String kind, String subject, String detail) {
    Boolean fresh =
        tx.execute(
            s -> {
              if (!store.mismatch(kind, subject, detail, clock.instant())) {
                return false;
              }
              audit.alert(
                  AuditLog.SYSTEM + "reconciliation",
                  "reconciliation.mismatch",
                  (kind + "/" + subject)
                      .substring(0, Math.min(256, kind.length() + 1 + subject.length())),
                  Map.of("kind", kind, "detail", detail));
              return true;
            });
    if (!Boolean.TRUE.equals(fresh)) {
      return false;
    }
    Counter.builder("fedbridge.admin.reconciliation.alerts")
        .tag("kind", kind)
        .register(meters)
        .increment();
    log.error("RECONCILIATION MISMATCH {} {}: {}", kind, subject, detail);
    if (autoPause) {
      var outcome = pause.pause(AuditLog.SYSTEM + "watchtower", kind + ": " + detail);
      log.error("auto-pause after {}: {}", kind, outcome.isDone() ? "paused" : outcome);
    }
    return true;
  }
}
