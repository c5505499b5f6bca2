package org.fedbridge.admin.federation;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
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
import org.fedbridge.admin.chain.Sidechain;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.admin.governance.GovernancePublisher;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.wire.CertificateBody.TokenConfigBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.core.wire.WireType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes each token configuration this console published to L1 once the federation certified it, as
 * the {@link RotationTracker} does for an {@code EpochChange}: {@code submitTokenConfig} when the
 * vault's governance nonce is the config's (a tightening applies at once, a loosening is queued),
 * then {@code executeTokenConfig} once the governance delay has passed. Nonces are consumed in
 * order on L1, so the configs go in nonce order; one whose nonce the vault used for something else
 * is skipped and named in the log. Each config is also taken to the sidechain ({@link
 * TokenConfigSidechainStep}); {@link #progress} says where each one stands on both chains.
 *
 * <p>SECURITY: only a verified {@code TOKEN_CONFIG} certificate whose config equals the one this
 * console published is submitted; a federation certificate for any other config (a threshold of
 * stolen shares, or a bug) is audited as an alert and sent nowhere. The vault checks the
 * certificate again, so submitting is open to anyone; the console pays with its submitter key.
 */
@Service
public class TokenConfigTracker {
  private static final Logger log = LoggerFactory.getLogger(TokenConfigTracker.class);
  private final GovernancePublisher published;
  private final FeedStore feed;
  private final Vault vault;
  private final L1Accounts accounts;
  private final L1Transactions transactions;
  private final Deployment deployment;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final TokenConfigSidechainStep sidechain;
  private final Set<String> said = ConcurrentHashMap.newKeySet();

  /** Nonces whose config reached an end on L1 (executed, applied, cancelled, or lost). */
  private final Map<BigInteger, String> ended = new ConcurrentHashMap<>();

  /** Where each config stands (rebuilt from the chains after a restart, in the first round). */
  private final Map<BigInteger, TokenConfigProgress> progress = new ConcurrentHashMap<>();

  /** This round's L1 state of the config being looked at. */
  private String l1State;

  private String l1Detail;

  TokenConfigTracker(
      GovernancePublisher published,
      FeedStore feed,
      Vault vault,
      L1Accounts accounts,
      L1Transactions transactions,
      Sidechain sidechain,
      Deployment deployment,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.published = published;
    this.feed = feed;
    this.vault = vault;
    this.accounts = accounts;
    this.transactions = transactions;
    this.sidechain = new TokenConfigSidechainStep(sidechain);
    this.deployment = deployment;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${bridge.admin.token-config-poll:PT2S}")
  public synchronized void step() {
    List<GovernanceRecord> records = published.publishedTokenConfigRecords();
    if (records.isEmpty()) {
      return;
    }
    BigInteger nonce;
    try {
      nonce = vault.governanceNonce();
    } catch (ChainException e) {
      log.warn("token configs: L1 did not answer: {}", e.getMessage());
      nonce = null;
    }
    for (GovernanceRecord r : records) {
      TokenConfig c = ((TokenConfigAction) r.governance().action()).config();
      BigInteger n = c.governanceNonce().value();
      l1State = "WAITING_NONCE";
      l1Detail = "L1 unreachable";
      try {
        if (ended.containsKey(n)) {
          l1State = ended.get(n);
          l1Detail = progress.containsKey(n) ? progress.get(n).l1Detail() : "";
        } else if (nonce == null) {
          l1State = "WAITING_NONCE";
        } else if (n.compareTo(nonce) > 0) {
          l1(
              c,
              "WAITING_NONCE",
              "waits for governance nonce " + n + " (the vault is at " + nonce + ")");
        } else if (n.equals(nonce)) {
          submit(c);
        } else {
          execute(c);
        }
      } catch (ChainException e) {
        l1Detail = "L1 did not answer: " + e.getMessage();
      }
      boolean applied = l1State.equals("EXECUTED") || l1State.equals("APPLIED");
      boolean dead = l1State.equals("CANCELLED") || l1State.equals("LOST");
      TokenConfigSidechainStep.Step s =
          sidechain.advance(r, c, applied, dead, epoch -> certificate(c, epoch));
      once(c, "sidechain " + s.state() + ": " + s.detail());
      progress.put(
          n,
          new TokenConfigProgress(
              n.toString(),
              c.token().toHex(),
              c.registered(),
              l1State,
              l1Detail,
              s.state(),
              s.detail(),
              clock.instant()));
    }
  }

  /** Every published config's progress on L1 and the sidechain, newest nonce first. */
  public List<TokenConfigProgress> progress() {
    return progress.values().stream()
        .sorted(
            Comparator.comparing((TokenConfigProgress p) -> new BigInteger(p.governanceNonce()))
                .reversed())
        .toList();
  }

  private void submit(TokenConfig c) {
    long epoch = vault.currentEpoch();
    Optional<CertificateRecord> cert = certificate(c, epoch);
    if (cert.isEmpty()) {
      l1(c, "WAITING_CERTIFICATE", "waits for the federation's certificate in epoch " + epoch);
      return;
    }
    l1(c, "SUBMITTED", "certified: submitting to the vault");
    send(c, Vault.tokenConfigData("submitTokenConfig", c, cert.get().signature().toEip2537()));
  }

  /** The nonce is used: execute the queued loosening once it is ready. */
  private void execute(TokenConfig c) {
    // The operation id is the digest under the epoch that certified it (and submitted it).
    for (long epoch = vault.currentEpoch(); epoch >= 0; epoch--) {
      Optional<CertificateRecord> cert = certificate(c, epoch);
      if (cert.isEmpty()) {
        continue;
      }
      Bytes32 id = c.digest(deployment.domain(epoch));
      Vault.Operation op = vault.operation(id);
      switch (op.state()) {
        case 1 -> {
          if (clock.instant().getEpochSecond() < op.readyAt()) {
            l1(
                c,
                "QUEUED",
                "queued until " + Instant.ofEpochSecond(op.readyAt()) + " (pausers may cancel)");
          } else {
            l1(c, "QUEUED", "ready since " + Instant.ofEpochSecond(op.readyAt()) + ": executing");
            send(c, Vault.tokenConfigData("executeTokenConfig", c, null));
          }
        }
        case 2 -> end(c, "EXECUTED", "executed on L1");
        case 3 -> end(c, "CANCELLED", "cancelled by a pauser on L1");
        default ->
            end(c, "APPLIED", "applied at once on L1 (a tightening), or its nonce went to another");
      }
      return;
    }
    end(c, "LOST", "its governance nonce was used without this config's certificate");
  }

  /** A verified certificate of {@code epoch} for exactly {@code c}; anything else is alerted. */
  private Optional<CertificateRecord> certificate(TokenConfig c, long epoch) {
    Optional<CertificateRecord> match = Optional.empty();
    for (FeedStore.StoredCertificate s :
        feed.certificates(WireType.TOKEN_CONFIG.code(), c.governanceNonce().toString(), epoch)) {
      if (!Boolean.TRUE.equals(s.verified())) {
        continue;
      }
      CertificateRecord r = CertificateRecord.decode(s.record()).orThrow();
      TokenConfig certified = ((TokenConfigBody) r.body()).config();
      // SECURITY: only the config the admins approved goes to L1.
      if (certified.equals(c)) {
        match = match.isPresent() ? match : Optional.of(r);
      } else if (said.add("mismatch " + s.digest())) {
        String why =
            "a TokenConfig certified by epoch "
                + epoch
                + " at governance nonce "
                + c.governanceNonce()
                + " is "
                + certified
                + ", not the published "
                + c;
        tx.executeWithoutResult(
            st ->
                audit.alert(
                    AuditLog.SYSTEM + "tokens",
                    "token-config.mismatch",
                    "nonce/" + c.governanceNonce(),
                    Map.of("detail", why)));
        log.error("TOKEN CONFIG MISMATCH: {}", why);
      }
    }
    return match;
  }

  private void send(TokenConfig c, String data) {
    var submitter = accounts.submitter();
    if (submitter.isEmpty()) {
      l1(c, l1State, "certified; no submitter key here: waiting for someone to send it");
      return;
    }
    L1Transactions.Sent sent = transactions.send(submitter.get(), vault.address(), data);
    if (sent.ok()) {
      log.info("token config at nonce {}: sent in {}", c.governanceNonce(), sent.hash());
      l1Detail = l1Detail + "; sent in " + sent.hash();
    } else {
      l1(c, l1State, "refused by the vault: " + sent.error().orElse(""));
    }
  }

  private void l1(TokenConfig c, String state, String detail) {
    l1State = state;
    l1Detail = detail;
    once(c, detail);
  }

  private void end(TokenConfig c, String state, String detail) {
    ended.put(c.governanceNonce().value(), state);
    l1(c, state, detail);
  }

  /** Logs a state of a config once, not every round. */
  private void once(TokenConfig c, String state) {
    if (said.add(c.governanceNonce() + " " + state)) {
      log.info("token config of {} at nonce {}: {}", c.token(), c.governanceNonce(), state);
    }
  }
}
