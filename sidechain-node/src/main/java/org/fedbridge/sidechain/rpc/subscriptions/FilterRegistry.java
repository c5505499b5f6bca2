package org.fedbridge.sidechain.rpc.subscriptions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.LogFilter;

/**
 * Filters for clients that poll over HTTP ({@code eth_newFilter}, {@code eth_newBlockFilter},
 * {@code eth_newPendingTransactionFilter}): each gathers what happened since its last poll. A
 * filter nobody polls for {@code timeout} is removed, a filter buffers at most {@code maxChanges}
 * (the oldest go first), and at most {@code max} exist at once. Ids are 16 random bytes, so one
 * client cannot guess, drain or remove another's filter.
 */
public final class FilterRegistry implements ChainEvents.Listener {
  /** What a filter watches. */
  public enum Kind {
    LOGS,
    BLOCKS,
    PENDING_TRANSACTIONS
  }

  /**
   * An installed filter.
   *
   * @param filter what a log filter matches ({@code null} for the other kinds)
   * @param fromBlock the first block whose logs it collects
   * @param toBlock the last ({@link Long#MAX_VALUE}: no end)
   */
  public record Installed(Kind kind, LogFilter filter, long fromBlock, long toBlock) {}

  private static final class Entry {
    final Installed installed;
    final ArrayDeque<Object> changes = new ArrayDeque<>();
    volatile Instant lastPolled;

    Entry(Installed installed, Instant now) {
      this.installed = installed;
      this.lastPolled = now;
    }
  }

  private final Map<String, Entry> filters = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration timeout;
  private final int max;
  private final int maxChanges;

  public FilterRegistry(Clock clock, Duration timeout, int max, int maxChanges) {
    this.clock = clock;
    this.timeout = timeout;
    this.max = max;
    this.maxChanges = maxChanges;
  }

  /** Installs a filter; empty when {@code max} are installed already. */
  public Optional<String> install(Installed f) {
    expire();
    if (filters.size() >= max) {
      return Optional.empty();
    }
    byte[] id = new byte[16];
    random.nextBytes(id);
    String hex = "0x" + HexFormat.of().formatHex(id);
    filters.put(hex, new Entry(f, clock.instant()));
    return Optional.of(hex);
  }

  /** The filter, if installed (and not expired); counts as a poll. */
  public Optional<Installed> get(String id) {
    expire();
    Entry e = filters.get(id);
    if (e == null) {
      return Optional.empty();
    }
    e.lastPolled = clock.instant();
    return Optional.of(e.installed);
  }

  /**
   * What happened since the last poll, oldest first (block or transaction hashes, or logs as {@code
   * eth_getLogs} writes them); empty if no such filter.
   */
  public Optional<List<Object>> changes(String id) {
    expire();
    Entry e = filters.get(id);
    if (e == null) {
      return Optional.empty();
    }
    e.lastPolled = clock.instant();
    synchronized (e) {
      List<Object> out = new ArrayList<>(e.changes);
      e.changes.clear();
      return Optional.of(out);
    }
  }

  public boolean uninstall(String id) {
    return filters.remove(id) != null;
  }

  public int size() {
    return filters.size();
  }

  /** Removes filters nobody polled within the timeout. */
  public void expire() {
    Instant cutoff = clock.instant().minus(timeout);
    filters.values().removeIf(e -> e.lastPolled.isBefore(cutoff));
  }

  @Override
  public boolean wantsBlocks() {
    return !filters.isEmpty();
  }

  @Override
  public boolean wantsPendingTransactions() {
    return filters.values().stream().anyMatch(e -> e.installed.kind() == Kind.PENDING_TRANSACTIONS);
  }

  @Override
  public void newBlock(NewBlock block) {
    expire();
    for (Entry e : filters.values()) {
      Installed f = e.installed;
      if (f.kind() == Kind.BLOCKS) {
        add(e, block.block().hash().toHex());
      } else if (f.kind() == Kind.LOGS
          && block.number() >= f.fromBlock()
          && block.number() <= f.toBlock()) {
        for (NewBlock.Log log : block.logs()) {
          if (f.filter().matches(log.stored().log())) {
            add(e, JsonViews.log(log.stored()));
          }
        }
      }
    }
  }

  @Override
  public void newPendingTransaction(Bytes32 hash) {
    for (Entry e : filters.values()) {
      if (e.installed.kind() == Kind.PENDING_TRANSACTIONS) {
        add(e, hash.toHex());
      }
    }
  }

  private void add(Entry e, Object change) {
    synchronized (e) {
      e.changes.addLast(change);
      while (e.changes.size() > maxChanges) {
        e.changes.removeFirst();
      }
    }
  }
}
