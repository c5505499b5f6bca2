package org.fedbridge.validator.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.fedbridge.validator.batch.Chain;

/**
 * The watchers' metrics, per {@code chain="l1|sidechain"}: {@code fedbridge_validator_chain_head},
 * {@code _chain_safe_head}, {@code _chain_cursor}, {@code _chain_lag_blocks} (safe head minus
 * cursor: blocks the watcher may read but has not yet), and {@code
 * fedbridge_validator_reorgs_total}. The sidechain's safe head is its head (its blocks are final
 * once cut).
 */
final class WatchMetrics {
  private final Counter l1Reorgs;
  private final Counter sidechainReorgs;

  WatchMetrics(MeterRegistry registry, WatchStatus status) {
    gauge(registry, "fedbridge.validator.chain.head", Chain.L1, status, WatchStatus::l1Head);
    gauge(
        registry,
        "fedbridge.validator.chain.head",
        Chain.SIDECHAIN,
        status,
        WatchStatus::sidechainHead);
    gauge(
        registry, "fedbridge.validator.chain.safe.head", Chain.L1, status, WatchStatus::l1SafeHead);
    gauge(
        registry,
        "fedbridge.validator.chain.safe.head",
        Chain.SIDECHAIN,
        status,
        WatchStatus::sidechainHead);
    gauge(registry, "fedbridge.validator.chain.cursor", Chain.L1, status, WatchStatus::l1Cursor);
    gauge(
        registry,
        "fedbridge.validator.chain.cursor",
        Chain.SIDECHAIN,
        status,
        WatchStatus::sidechainCursor);
    gauge(
        registry,
        "fedbridge.validator.chain.lag.blocks",
        Chain.L1,
        status,
        s -> lag(s.l1SafeHead(), s.l1Cursor()));
    gauge(
        registry,
        "fedbridge.validator.chain.lag.blocks",
        Chain.SIDECHAIN,
        status,
        s -> lag(s.sidechainHead(), s.sidechainCursor()));
    l1Reorgs = reorgs(registry, Chain.L1);
    sidechainReorgs = reorgs(registry, Chain.SIDECHAIN);
  }

  void reorg(Chain chain) {
    (chain == Chain.L1 ? l1Reorgs : sidechainReorgs).increment();
  }

  private static long lag(long safe, long cursor) {
    return safe < 0 ? 0 : Math.max(0, safe - cursor);
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      Chain chain,
      WatchStatus status,
      ToDoubleFunction<WatchStatus> value) {
    Gauge.builder(name, status, value).tag("chain", chain.label()).register(registry);
  }

  private static Counter reorgs(MeterRegistry registry, Chain chain) {
    return Counter.builder("fedbridge.validator.reorgs")
        .description("Chain reorganisations seen (deep ones also halt signing)")
        .tag("chain", chain.label())
        .register(registry);
  }
}
