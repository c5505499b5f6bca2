package org.fedbridge.relayer.vault;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.fedbridge.relayer.LoopLog;
import org.fedbridge.relayer.chain.L1Client;
import org.fedbridge.relayer.chain.SidechainClient;
import org.fedbridge.relayer.chain.VaultClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the vault's pause flag, epoch and every token's limits and flow from L1 once per poll, so
 * that the planner and the API (hundreds of requests a second) work from one recent snapshot
 * instead of asking L1 each time. Tokens are the sidechain's bridged tokens plus ETH.
 */
@Component
public class VaultMonitor {
  private static final Logger log = LoggerFactory.getLogger(VaultMonitor.class);

  private final VaultClient vault;
  private final L1Client l1;
  private final SidechainClient sidechain;
  private final Clock clock;
  private final AtomicReference<VaultSnapshot> current = new AtomicReference<>();
  private final AtomicReference<List<SidechainClient.Token>> tokens = new AtomicReference<>();
  private final AtomicReference<java.time.Duration> challenge = new AtomicReference<>();
  private final LoopLog problems = new LoopLog(log, "vault monitor");

  VaultMonitor(VaultClient vault, L1Client l1, SidechainClient sidechain, Clock clock) {
    this.vault = vault;
    this.l1 = l1;
    this.sidechain = sidechain;
    this.clock = clock;
  }

  /** The latest snapshot, empty until the first successful read. */
  public Optional<VaultSnapshot> snapshot() {
    return Optional.ofNullable(current.get());
  }

  @Scheduled(fixedDelayString = "${bridge.relayer.l1.poll-interval:1s}")
  void poll() {
    try {
      refresh();
      problems.clear();
    } catch (IOException | RuntimeException e) {
      problems.report(e);
    }
  }

  /** Reads the vault now and returns the new snapshot. */
  public VaultSnapshot refresh() throws IOException {
    List<SidechainClient.Token> known = tokens.get();
    if (known == null) {
      known = sidechain.tokens();
      tokens.set(known);
    }
    long head = l1.head();
    L1Client.Block block = l1.block(head).orElseThrow(() -> new IOException("no L1 head"));
    Map<String, VaultSnapshot.TokenState> states = new LinkedHashMap<>();
    states.put(VaultSnapshot.ETH, state(VaultSnapshot.ETH, VaultSnapshot.ETH, "ETH", 18));
    for (SidechainClient.Token t : known) {
      states.put(t.l1Token(), state(t.l1Token(), t.sidechainToken(), t.symbol(), t.decimals()));
    }
    VaultSnapshot s =
        new VaultSnapshot(
            clock.instant(),
            block.timestamp(),
            vault.paused(),
            vault.pauseCount(),
            vault.currentEpoch(),
            challengePeriod(),
            java.util.Collections.unmodifiableMap(states));
    current.set(s);
    return s;
  }

  private java.time.Duration challengePeriod() throws IOException {
    java.time.Duration known = challenge.get();
    if (known == null) {
      known = vault.challengePeriod(); // immutable in the vault: read once
      challenge.set(known);
    }
    return known;
  }

  private VaultSnapshot.TokenState state(
      String l1Token, String sidechainToken, String symbol, int decimals) throws IOException {
    return new VaultSnapshot.TokenState(
        l1Token,
        sidechainToken,
        symbol,
        decimals,
        vault.tokenLimits(l1Token),
        vault.tokenFlow(l1Token));
  }
}
