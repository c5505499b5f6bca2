package org.fedbridge.admin.federation;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.Deployment;
import org.fedbridge.admin.chain.L1Accounts;
import org.fedbridge.admin.chain.L1Transactions;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.admin.governance.GovernancePublisher;
import org.fedbridge.admin.proposals.ProposalKind;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.GovernanceAction.PauserUpdateAction;
import org.fedbridge.core.wire.GovernanceAction.UnpauseAction;
import org.fedbridge.core.wire.WireType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes each pauser update and unpause this console published to L1 once the federation certified
 * it, and says where each one stands ({@link #progress}): {@code submit*} when the vault's
 * governance nonce is the message's, then {@code execute*} once the governance delay has passed if
 * the vault queued it. Written for any message that takes a governance nonce ({@link
 * NonceMessage}); {@link TokenConfigTracker} does the same for token configurations and could move
 * onto it.
 *
 * <p>SECURITY: only a verified certificate whose message equals the one this console published is
 * submitted; a federation certificate for anything else at that nonce (a threshold of stolen
 * shares, or a bug) is audited as an alert and sent nowhere. The vault checks the certificate again
 * (and an unpause against its current pause), so submitting is open to anyone; the console pays
 * with its submitter key.
 */
@Service
public class GovernanceTracker {
  private static final Logger log = LoggerFactory.getLogger(GovernanceTracker.class);
  private final GovernancePublisher published;
  private final FeedStore feed;
  private final Vault vault;
  private final L1Accounts accounts;
  private final L1Transactions transactions;
  private final Deployment deployment;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Set<String> alerted = ConcurrentHashMap.newKeySet();
  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

  /** Where a published message stands, as of the tracker's last round. */
  public enum Stage {
    /** Published on {@code bridge.governance}; the federation has not certified it yet. */
    PUBLISHED,
    /** Certified; being submitted to L1 (or the vault refused it: the reason says why). */
    CERTIFIED,
    /** Submitted to L1 in {@code transaction}; its effect is read on the next round. */
    SUBMITTED,
    /** Submitted; the vault queued it behind its governance delay ({@code until}). */
    QUEUED,
    /** Executed after the delay (an unpause: the vault is running again). */
    EXECUTED,
    /** Applied at once on submission (a pauser addition, or removing one without a veto yet). */
    APPLIED,
    /** Cancelled by a pauser on L1. */
    CANCELLED,
    /** Can never complete (its nonce went to another message, its pause is over). */
    FAILED
  }

  /**
   * One published message's progress.
   *
   * @param reason what it waits for or why it ended, in words
   * @param until when a queued operation may execute (null otherwise)
   * @param transaction the last L1 transaction the console sent for it (null if none)
   */
  public record Progress(
      long proposalId,
      long sequence,
      String kind,
      String governanceNonce,
      String summary,
      Stage stage,
      String reason,
      Instant until,
      String transaction) {}

  GovernanceTracker(
      GovernancePublisher published,
      FeedStore feed,
      Vault vault,
      L1Accounts accounts,
      L1Transactions transactions,
      Deployment deployment,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.published = published;
    this.feed = feed;
    this.vault = vault;
    this.accounts = accounts;
    this.transactions = transactions;
    this.deployment = deployment;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** The published pauser updates and unpauses, newest first, as of the last round. */
  public List<Progress> progress() {
    List<Progress> out = new ArrayList<>(progress.values());
    out.sort((a, b) -> Long.compare(b.sequence(), a.sequence()));
    return out;
  }

  @Scheduled(fixedDelayString = "${bridge.admin.governance-poll:PT2S}")
  public synchronized void step() {
    try {
      List<GovernancePublisher.Published> records =
          published.published(ProposalKind.PAUSER_UPDATE, ProposalKind.UNPAUSE);
      if (records.isEmpty()) {
        return;
      }
      BigInteger nonce = vault.governanceNonce();
      for (GovernancePublisher.Published p : records) {
        Progress last = progress.get(p.sequence());
        if (last != null && ended(last.stage())) {
          continue;
        }
        NonceMessage m = NonceMessage.of(p.action());
        progress.put(p.sequence(), track(p, m, nonce, last));
      }
    } catch (ChainException e) {
      log.warn("governance submissions: L1 did not answer: {}", e.getMessage());
    }
  }

  private static boolean ended(Stage s) {
    return s == Stage.EXECUTED || s == Stage.APPLIED || s == Stage.CANCELLED || s == Stage.FAILED;
  }

  private Progress track(
      GovernancePublisher.Published p, NonceMessage m, BigInteger vaultNonce, Progress last) {
    BigInteger n = m.nonce();
    String sent = last == null ? null : last.transaction();
    if (n.compareTo(vaultNonce) > 0) {
      return at(
          p,
          m,
          Stage.PUBLISHED,
          "waits for governance nonce " + n + " (the vault is at " + vaultNonce + ")",
          null,
          sent);
    }
    if (n.equals(vaultNonce)) {
      if (m.message() instanceof Unpause u) {
        BigInteger count = vault.pauseCount();
        boolean paused = vault.paused();
        int cmp = count.compareTo(u.pauseCount().value());
        String now = paused ? "in pause " + count : "running after " + count + " pauses";
        // SECURITY: the federation signs (and the vault takes) an unpause only for the pause in
        // force; one for a pause that is over can never apply.
        if (cmp > 0 || (cmp == 0 && !paused)) {
          return at(
              p,
              m,
              Stage.FAILED,
              "pause " + u.pauseCount() + " is over (the vault is " + now + ")",
              null,
              sent);
        }
        if (cmp < 0) {
          return at(
              p,
              m,
              Stage.PUBLISHED,
              "waits for pause " + u.pauseCount() + " (the vault is " + now + ")",
              null,
              sent);
        }
      }
      long epoch = vault.currentEpoch();
      Optional<CertificateRecord> cert = certificate(m, epoch);
      if (cert.isEmpty()) {
        return at(
            p,
            m,
            Stage.PUBLISHED,
            "waits for the federation's certificate in epoch " + epoch,
            null,
            sent);
      }
      return send(p, m, m.submitData(cert.get().signature().toEip2537()), Stage.CERTIFIED, sent);
    }
    // The nonce is used: find the operation under the epoch that certified (and submitted) it.
    for (long epoch = vault.currentEpoch(); epoch >= 0; epoch--) {
      if (certificate(m, epoch).isEmpty()) {
        continue;
      }
      Vault.Operation op = vault.operation(m.message().digest(deployment.domain(epoch)));
      return switch (op.state()) {
        case 1 -> {
          Instant until = Instant.ofEpochSecond(op.readyAt());
          if (clock.instant().isBefore(until)) {
            yield at(
                p,
                m,
                Stage.QUEUED,
                "queued on L1 until " + until + " (any pauser may cancel it meanwhile)",
                until,
                sent);
          }
          Progress r = send(p, m, m.executeData(), Stage.QUEUED, sent);
          yield new Progress(
              r.proposalId(),
              r.sequence(),
              r.kind(),
              r.governanceNonce(),
              r.summary(),
              r.stage(),
              r.reason(),
              until,
              r.transaction());
        }
        case 2 -> at(p, m, Stage.EXECUTED, m.executedText(), null, sent);
        case 3 -> at(p, m, Stage.CANCELLED, "cancelled by a pauser on L1", null, sent);
        default ->
            m.message() instanceof PauserUpdate
                ? at(p, m, Stage.APPLIED, "applied on L1 at submission", null, sent)
                : at(
                    p, m, Stage.FAILED, "its governance nonce went to another message", null, sent);
      };
    }
    return at(
        p,
        m,
        Stage.FAILED,
        "its governance nonce was used without this message's" + " certificate",
        null,
        sent);
  }

  /** A verified certificate of {@code epoch} for exactly {@code m}; anything else is alerted. */
  private Optional<CertificateRecord> certificate(NonceMessage m, long epoch) {
    Optional<CertificateRecord> match = Optional.empty();
    for (FeedStore.StoredCertificate s :
        feed.certificates(m.wireType().code(), m.nonce().toString(), epoch)) {
      if (!Boolean.TRUE.equals(s.verified())) {
        continue;
      }
      CertificateRecord r = CertificateRecord.decode(s.record()).orThrow();
      // SECURITY: only the message the admins approved goes to L1.
      if (r.body().message().equals(m.message())) {
        match = match.isPresent() ? match : Optional.of(r);
      } else if (alerted.add(s.digest())) {
        String why =
            m.wireType()
                + " certified by epoch "
                + epoch
                + " at governance nonce "
                + m.nonce()
                + " is "
                + r.body().message()
                + ", not the published "
                + m.message();
        tx.executeWithoutResult(
            st ->
                audit.alert(
                    AuditLog.SYSTEM + "governance",
                    "governance.certificate-mismatch",
                    "nonce/" + m.nonce(),
                    Map.of("detail", why)));
        log.error("GOVERNANCE CERTIFICATE MISMATCH: {}", why);
      }
    }
    return match;
  }

  private Progress send(
      GovernancePublisher.Published p, NonceMessage m, String data, Stage stage, String last) {
    var submitter = accounts.submitter();
    if (submitter.isEmpty()) {
      return at(
          p,
          m,
          stage,
          "certified; no submitter key here: waiting for someone to send it",
          null,
          last);
    }
    L1Transactions.Sent sent = transactions.send(submitter.get(), vault.address(), data);
    if (!sent.ok()) {
      return at(p, m, stage, "refused by the vault: " + sent.error().orElse(""), null, last);
    }
    log.info("{} at governance nonce {}: sent in {}", m.wireType(), m.nonce(), sent.hash());
    return at(
        p,
        m,
        stage == Stage.CERTIFIED ? Stage.SUBMITTED : stage,
        "sent to L1 in " + sent.hash(),
        null,
        sent.hash());
  }

  private static Progress at(
      GovernancePublisher.Published p,
      NonceMessage m,
      Stage stage,
      String reason,
      Instant until,
      String transaction) {
    return new Progress(
        p.proposalId(),
        p.sequence(),
        m.wireType().name(),
        m.nonce().toString(),
        m.summary(),
        stage,
        reason,
        until,
        transaction);
  }

  /** A governance message that takes the vault's governance nonce, with its L1 calls. */
  record NonceMessage(SignedMessage message, BigInteger nonce) {
    static NonceMessage of(org.fedbridge.core.wire.GovernanceAction a) {
      if (a instanceof PauserUpdateAction p) {
        return new NonceMessage(p.update(), p.update().governanceNonce().value());
      }
      if (a instanceof UnpauseAction u) {
        return new NonceMessage(u.message(), u.governanceNonce().value());
      }
      throw new IllegalArgumentException("not a pauser update or unpause: " + a);
    }

    WireType wireType() {
      return WireType.of(message.type());
    }

    String submitData(byte[] signature) {
      return message instanceof PauserUpdate u
          ? Vault.pauserUpdateData("submitPauserUpdate", u, signature)
          : Vault.unpauseData("submitUnpause", (Unpause) message, signature);
    }

    String executeData() {
      return message instanceof PauserUpdate u
          ? Vault.pauserUpdateData("executePauserUpdate", u, null)
          : Vault.unpauseData("executeUnpause", (Unpause) message, null);
    }

    String summary() {
      return message instanceof PauserUpdate u
          ? (u.enabled() ? "add pauser " : "remove pauser ") + u.pauser()
          : "unpause (pause " + ((Unpause) message).pauseCount() + ")";
    }

    String executedText() {
      return message instanceof PauserUpdate
          ? "executed on L1: the pauser is removed"
          : "executed on L1: the vault is unpaused";
    }
  }
}
