package org.fedbridge.admin.reconciliation;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.Logs;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.core.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reconciliation, every {@code bridge.admin.reconciliation.interval}: scan the vault's and the
 * sidechain bridge's events, then check that
 *
 * <ul>
 *   <li>every payout on L1 ({@code WithdrawalPaid}, {@code PayoutDeferred}) matches a burn on the
 *       sidechain (same nonce, token, recipient, amount);
 *   <li>every mint on the sidechain matches a deposit on L1, and no mint is of a deposit L1 never
 *       had;
 *   <li>per token, the vault's actual L1 balance covers the sidechain supply it backs plus the
 *       burns not yet claimed and the payouts still owed;
 *   <li>every withdrawal root posted on L1 is the root of that block in this replica ({@link
 *       Watchtower}).
 * </ul>
 *
 * Any mismatch is raised once through {@link Alarms} (metric, audit alert, optional pause).
 */
@Service
public class Reconciliation {
  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
  private final EventScanner scanner;
  private final ReconciliationStore store;
  private final Watchtower watchtower;
  private final Alarms alarms;
  private final Vault vault;
  private final Clock clock;
  private final AdminProperties properties;
  private volatile Map<String, Object> last = Map.of("state", "not run yet");

  Reconciliation(
      EventScanner scanner,
      ReconciliationStore store,
      Watchtower watchtower,
      Alarms alarms,
      Vault vault,
      Clock clock,
      AdminProperties properties) {
    this.scanner = scanner;
    this.store = store;
    this.watchtower = watchtower;
    this.alarms = alarms;
    this.vault = vault;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${bridge.admin.reconciliation.interval:PT5S}",
      initialDelayString = "${bridge.admin.reconciliation.interval:PT5S}")
  void scheduled() {
    run();
  }

  /** One round; returns what it saw. Rounds never overlap. */
  public synchronized Map<String, Object> run() {
    Map<String, Object> out = new LinkedHashMap<>();
    Instant started = clock.instant();
    out.put("startedAt", started.toString());
    try {
      long l1Block = scanner.scanL1();
      long sidechainBlock = scanner.scanSidechain();
      out.put("l1Block", l1Block);
      out.put("sidechainBlock", sidechainBlock);
      BigInteger maxDeposit = store.maxDepositNonce();
      checkTransfers(maxDeposit);
      checkMintsAhead(maxDeposit);
      out.put("tokens", balances(l1Block, maxDeposit));
      watchtower.checkRoots();
      out.put("state", "ok");
    } catch (ChainException e) {
      out.put("state", "chain unavailable");
      out.put("error", e.getMessage());
      log.warn("reconciliation round incomplete: {}", e.getMessage());
    }
    out.put("openMismatches", store.openMismatches().stream().map(Reconciliation::view).toList());
    out.put("finishedAt", clock.instant().toString());
    last = out;
    return out;
  }

  /** The last round's findings. */
  public Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>(last);
    out.put("openMismatches", store.openMismatches().stream().map(Reconciliation::view).toList());
    out.put("autoPause", properties.reconciliation().autoPause());
    out.put("revokeMismatchedRoots", properties.reconciliation().revokeMismatchedRoots());
    return out;
  }

  /** Roots posted on L1 and what the watchtower found. */
  public List<Map<String, Object>> roots(int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReconciliationStore.Root r :
        store.roots(
            List.of("PENDING", "MATCHED", "MISMATCHED", "REVOKED", "UNVERIFIABLE"), limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("root", r.root());
      m.put("sidechainBlock", r.batchId());
      m.put("count", r.count());
      m.put("epoch", r.epoch());
      m.put("l1Block", r.block());
      m.put("claimableAt", Instant.ofEpochSecond(r.claimableAt()).toString());
      m.put("status", r.status());
      m.put("detail", r.detail());
      m.put("revokeTransaction", r.revokeTx());
      out.add(m);
    }
    return out;
  }

  /** Every payout has its burn, every mint (of a deposit L1 has shown) its deposit. */
  void checkTransfers(BigInteger maxDeposit) {
    for (String p : store.payoutsWithoutBurn()) {
      alarms.raise(
          "payout-without-burn", p.split(" ")[0], "paid on L1 with no matching burn: " + p);
    }
    for (String m : store.mintsWithoutDeposit(maxDeposit)) {
      alarms.raise(
          "mint-without-deposit", m.split(" ")[0], "minted with no matching L1 deposit: " + m);
    }
  }

  private void checkMintsAhead(BigInteger maxDeposit) {
    List<String> ahead = store.mintsAbove(maxDeposit);
    if (ahead.isEmpty()) {
      return;
    }
    // A mint of a nonce above every deposit scanned may just be ahead of the L1 scan; it is a
    // forgery only if the vault itself has not counted that many deposits.
    BigInteger count;
    try {
      count = vault.depositCount();
    } catch (ChainException e) {
      return;
    }
    for (String nonce : ahead) {
      if (new BigInteger(nonce).compareTo(count) > 0) {
        alarms.raise(
            "mint-without-deposit",
            nonce,
            "minted deposit " + nonce + " but the vault has counted only " + count + " deposits");
      }
    }
  }

  private List<Map<String, Object>> balances(long l1Block, BigInteger maxDeposit) {
    Set<String> tokens = new TreeSet<>(store.tokens());
    tokens.add(Address.ZERO.toHex());
    properties.reconciliation().tokens().forEach(t -> tokens.add(t.toLowerCase()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (String token : tokens) {
      BigInteger balance =
          token.equals(Address.ZERO.toHex())
              ? Logs.balance(vault.web3j(), vault.address(), l1Block)
              : vault.tokenBalance(Address.fromHex(token), l1Block);
      BigInteger owed = store.obligations(token, maxDeposit);
      boolean ok = balance.compareTo(owed) >= 0;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("token", token);
      m.put("vaultBalance", balance.toString());
      m.put("obligations", owed.toString());
      m.put("ok", ok);
      out.add(m);
      if (ok) {
        alarms.resolve("vault-short", token);
      } else {
        alarms.raise(
            "vault-short",
            token,
            "the vault holds "
                + balance
                + " of "
                + token
                + " at L1 block "
                + l1Block
                + " but owes "
                + owed
                + " (sidechain supply, unclaimed burns, owed payouts)");
      }
    }
    return out;
  }

  private static Map<String, Object> view(ReconciliationStore.Mismatch m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", m.id());
    v.put("kind", m.kind());
    v.put("subject", m.subject());
    v.put("detail", m.detail());
    v.put("detectedAt", m.detectedAt().toString());
    return v;
  }
}
