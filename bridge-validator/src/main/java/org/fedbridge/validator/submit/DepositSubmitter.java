package org.fedbridge.validator.submit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.validator.consensus.Certificate;
import org.fedbridge.validator.consensus.CertificateBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits every deposit certificate this validator learns (combined here or read from the topic) to
 * the sidechain, until the sidechain answers. Duplicates are no-ops there, so this is safe from
 * every validator; the member whose turn the batch is ({@link SubmitTurn}) submits at once and the
 * others wait a little, as a fallback should it be down or stop before it submitted. (When the
 * federation is not known, the validator that combined a certificate submits it at once.) Progress
 * (a cursor over the certificate book and each submission's state) is kept in PostgreSQL, so a
 * restart neither skips nor repeats a certificate needlessly.
 */
final class DepositSubmitter implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DepositSubmitter.class);

  private final CertificateBook book;
  private final SubmitStore store;
  private final SidechainClient sidechain;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration othersDelay;
  private final Predicate<Certificate> submitsAtOnce;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final MeterRegistry registry;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  DepositSubmitter(
      CertificateBook book,
      SubmitStore store,
      SidechainClient sidechain,
      TransactionTemplate tx,
      Clock clock,
      Duration othersDelay,
      Predicate<Certificate> submitsAtOnce,
      Duration minBackoff,
      Duration maxBackoff,
      MeterRegistry registry) {
    this.book = book;
    this.store = store;
    this.sidechain = sidechain;
    this.tx = tx;
    this.clock = clock;
    this.othersDelay = othersDelay;
    this.submitsAtOnce = submitsAtOnce;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.registry = registry;
    book.onNewCertificates(wake::release);
  }

  @Override
  public synchronized void start() {
    if (thread == null) {
      running = true;
      thread = new Thread(this::run, "deposit-submitter");
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    wake.release();
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      Duration wait = Duration.ofSeconds(1);
      try {
        follow();
        submitDue();
        Instant next = store.nextDue();
        if (next != null) {
          wait = Duration.between(clock.instant(), next);
        }
      } catch (DataAccessException e) {
        log.warn("deposit submitter: database unavailable: {}", e.toString());
      }
      try {
        long ms = Math.max(1, Math.min(wait.toMillis(), 1000));
        if (wake.tryAcquire(ms, TimeUnit.MILLISECONDS)) {
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Queues the deposit certificates learnt since the cursor. */
  private void follow() {
    while (true) {
      long cursor = store.cursor();
      List<Certificate> next = book.after(cursor, 200);
      if (next.isEmpty()) {
        return;
      }
      Instant now = clock.instant();
      tx.executeWithoutResult(
          s -> {
            for (Certificate c : next) {
              if (c.key().type() == MessageType.DEPOSIT_BATCH) {
                store.enqueue(
                    c.seq(),
                    new BigDecimal(c.key().batchId().value()),
                    c.key().epoch(),
                    submitsAtOnce.test(c) ? now : now.plus(othersDelay));
              }
            }
            store.cursor(next.get(next.size() - 1).seq());
          });
    }
  }

  private void submitDue() {
    for (SubmitStore.Due due : store.due(clock.instant(), 50)) {
      List<Certificate> found = book.after(due.seq() - 1, 1);
      if (found.isEmpty() || found.get(0).seq() != due.seq()) {
        store.refused(due.seq(), "certificate no longer in the book", clock.instant());
        continue;
      }
      Certificate c = found.get(0);
      long started = System.nanoTime();
      SidechainClient.Answer answer = sidechain.submitDeposits(c.content());
      Instant now = clock.instant();
      log.debug(
          "deposit certificate {} submitted in {} ms: {}",
          c.key(),
          (System.nanoTime() - started) / 1_000_000,
          answer);
      if (answer instanceof SidechainClient.Answer.Accepted a) {
        store.accepted(due.seq(), a.hash(), a.duplicate(), now);
        count("accepted", a.duplicate() ? "duplicate" : "new");
      } else if (answer instanceof SidechainClient.Answer.Refused r) {
        store.refused(due.seq(), r.reason(), now);
        count("refused", "refused");
        log.warn("sidechain refused deposit certificate {}: {}", c.key(), r.reason());
      } else if (answer instanceof SidechainClient.Answer.NoAnswer n) {
        store.retry(due.seq(), n.reason(), now.plus(backoff(due.attempts())));
        count("retry", "no_answer");
      }
    }
  }

  private Duration backoff(int attempts) {
    long ms = minBackoff.toMillis() << Math.min(attempts, 16);
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }

  /** fedbridge_validator_deposit_submissions_total{outcome,detail}. */
  private void count(String outcome, String detail) {
    Counter.builder("fedbridge.validator.deposit.submissions")
        .tag("outcome", outcome)
        .tag("detail", detail)
        .register(registry)
        .increment();
  }
}
